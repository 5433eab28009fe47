using System.Text;
using JobSheetQA.Bot.Chat.Wording;
using JobSheetQA.Rules.Catalogue;
using JobSheetQA.Rules.Decisions;
using JobSheetQA.Rules.Facts;

namespace JobSheetQA.Bot.Chat.Promotions;

/// <summary>
/// Turns a decision into the text a release engineer reads in chat: the verdict first, then every
/// objection with its rule id, runbook section and the facts it judged. A dry run lists every rule.
/// </summary>
public static class DecisionExplainer
{
    public static string Explain(Decision decision, PromotionRequest request, ExplanationMode mode = ExplanationMode.Findings)
    {
        var text = new StringBuilder();
        text.AppendLine(Headline(decision.Verdict, request, mode));

        if (mode == ExplanationMode.DryRun)
        {
            foreach (var rule in decision.Evaluated)
            {
                var verdict = decision.VerdictOf(rule.Id);
                text.AppendLine($"{Label(verdict)} {rule.Id} ({ChatText.Section(rule.RunbookSection)}): {rule.Description}");
                // By index: an enumerator of the list's interface is an allocation, once per rule in a dry run.
                for (var i = 0; i < decision.Findings.Count; i++)
                {
                    if (decision.Findings[i].RuleId == rule.Id)
                        AppendDetail(text, decision.Findings[i]);
                }
            }

            return text.ToString().TrimEnd();
        }

        foreach (var finding in decision.Findings)
        {
            text.AppendLine($"{Label(ToRuleVerdict(finding.Outcome))} {finding.RuleId} ({ChatText.Section(finding.RunbookSection)}): {finding.Message}");
            AppendFacts(text, finding);
        }

        if (decision.Findings.Count == 0)
            text.AppendLine($"All {decision.Evaluated.Count} rules passed.");

        return text.ToString().TrimEnd();
    }

    private static string Headline(Verdict verdict, PromotionRequest request, ExplanationMode mode)
    {
        var what = $"promote {request.Environment} from {request.Branch} at {ChatText.ShortSha(request.CommitSha)}"
            + (request.SkipParity ? ", skip parity" : "")
            + (request.UseNightlyParity ? ", nightly parity" : "")
            + $" (requested by {request.Requester.DisplayName})";
        var prefix = mode == ExplanationMode.DryRun ? "Dry run — would be " : "";
        var answer = verdict switch
        {
            Verdict.Allow => "Allowed",
            Verdict.RequireAcknowledgement => "Needs acknowledgement",
            Verdict.Deny => "Denied",
            _ => throw new ArgumentOutOfRangeException(nameof(verdict), verdict, null),
        };
        return mode == ExplanationMode.DryRun
            ? $"{prefix}{answer.ToLowerInvariant()}: {what}"
            : $"{answer}: {what}";
    }

    private static void AppendDetail(StringBuilder text, Finding finding)
    {
        text.AppendLine($"    {finding.Message}");
        AppendFacts(text, finding);
    }

    private static void AppendFacts(StringBuilder text, Finding finding)
    {
        if (finding.Facts.Count == 0)
            return;
        text.AppendLine("    facts: " + string.Join("; ", finding.Facts.Select(f => $"{f.Key} = {f.Value}")));
    }

    private static RuleVerdict ToRuleVerdict(FindingOutcome outcome) => outcome switch
    {
        FindingOutcome.Deny => RuleVerdict.Deny,
        FindingOutcome.RequireAcknowledgement => RuleVerdict.RequireAcknowledgement,
        FindingOutcome.Warn => RuleVerdict.Warn,
        _ => throw new ArgumentOutOfRangeException(nameof(outcome), outcome, null),
    };

    private static string Label(RuleVerdict verdict) => verdict switch
    {
        RuleVerdict.Pass => "PASS",
        RuleVerdict.Deny => "DENY",
        RuleVerdict.RequireAcknowledgement => "ACK ",
        RuleVerdict.Warn => "WARN",
        _ => throw new ArgumentOutOfRangeException(nameof(verdict), verdict, null),
    };
}
