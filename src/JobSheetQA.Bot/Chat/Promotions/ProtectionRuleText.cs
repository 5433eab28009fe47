using JobSheetQA.Bot.Chat.Replies;
using JobSheetQA.Bot.Chat.Wording;
using JobSheetQA.Bot.Promotions.ProtectionRules;
using JobSheetQA.Rules.Decisions;

namespace JobSheetQA.Bot.Chat.Promotions;

/// <summary>
/// The words of the deployment protection rule: the comment GitHub shows on the waiting run (plain text, every rule id
/// with its runbook section) and the notice subscribed conversations get about a run started from the Actions tab.
/// </summary>
public static class ProtectionRuleText
{
    /// <summary>What GitHub shows when the bot could not even word its answer: still a rejection.</summary>
    public const string FallbackRejection = "Refused by JobSheetQA.Bot: the bot failed while answering; see its log. Promote from chat instead.";

    /// <summary>The review comment.</summary>
    public static string Comment(ProtectionRuleReview review)
    {
        var request = review.Request;
        var what = $"{request.Environment} at {ChatText.ShortSha(request.CommitSha)}";
        var promotion = review.PromotionId is { } id ? $" (promotion {id})" : "";
        return review switch
        {
            OutsideRunAllowed => $"Allowed by JobSheetQA.Bot{promotion}: every promotion rule passes for {what}, started by @{request.SenderLogin}; "
                + $"{request.Environment} is locked to this run until it finishes.",
            OutsideRunRefused r => $"Refused by JobSheetQA.Bot{promotion}: {what}, started by @{request.SenderLogin}. {InputsUnknown(r)}{Findings(r.Decision)} "
                + $"Fix these, then promote from chat (promote {request.Environment}).",
            OutsideRunEnvironmentHeld r => $"Refused by JobSheetQA.Bot{promotion}: LOCK (bot policy): {PromotionReplies.Held(r.Holder)}; one promotion per environment at a time.",
            OwnRunConfirmed => $"Allowed by JobSheetQA.Bot{promotion}: the run the bot dispatched for {what}; HEAD is still the judged commit and every rule still passes.",
            OwnRunNoLongerAllowed { Decision: null } r => $"Refused by JobSheetQA.Bot{promotion}: {r.Promotion.Ref} moved from the judged commit "
                + $"{ChatText.ShortSha(r.Promotion.CommitSha)} to {ChatText.ShortSha(r.HeadSha)} since the promotion was judged; promote again.",
            OwnRunNoLongerAllowed r => $"Refused by JobSheetQA.Bot{promotion}: {what} was allowed when dispatched, but no longer. {Findings(r.Decision!)}",
            RunNotJudged r => $"Refused by JobSheetQA.Bot{promotion}: the run could not be judged, so it may not deploy: {r.Reason}",
            _ => FallbackRejection,
        };
    }

    /// <summary>The notice for subscribed conversations: "promote production started from the Actions tab by @octocat: refused — STAGE-FIRST …".</summary>
    public static Reply Notice(ProtectionRuleReview review)
    {
        var request = review.Request;
        var head = $"`promote {request.Environment}` started from the Actions tab by @{request.SenderLogin} (commit `{ChatText.ShortSha(request.CommitSha)}`"
            + (review.PromotionId is { } id ? $", promotion `{id}`" : "") + ")";
        var verdict = review switch
        {
            OutsideRunAllowed => "allowed; the bot tracks the run.",
            OutsideRunRefused r => $"refused — {InputsUnknown(r)}{Findings(r.Decision)}",
            OutsideRunEnvironmentHeld r => $"refused — LOCK: {PromotionReplies.Held(r.Holder)}.",
            RunNotJudged r => $"refused — it could not be judged: {r.Reason}",
            _ => review.Approved ? "allowed." : "refused.",
        };
        return Reply.Text($"{head}: {verdict}");
    }

    /// <summary>Says why a run was judged as skipping parity when its title does not show its inputs.</summary>
    private static string InputsUnknown(OutsideRunRefused refused) => refused.UnreadableTitle is { } title
        ? $"Its inputs are unknown: the run title \"{title}\" does not show skip_parity and use_nightly_parity (promotion.yml run-name), "
            + "so it was judged as if it skipped parity. "
        : "";

    /// <summary>Every refusal (and acknowledgement, which the Actions tab cannot give) as <c>RULE (runbook §x): message</c>.</summary>
    private static string Findings(Decision decision)
    {
        var lines = decision.Denials.Select(f => $"{f.RuleId} ({ChatText.Section(f.RunbookSection)}): {f.Message}")
            .Concat(decision.Acknowledgements.Select(f =>
                $"{f.RuleId} ({ChatText.Section(f.RunbookSection)}): needs the typed acknowledgement, which only a chat promotion can give"))
            .ToList();
        return string.Join("; ", lines) + ".";
    }
}
