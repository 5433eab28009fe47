using System.Text;
using JobSheetQA.Bot.Chat.Promotions;
using JobSheetQA.Bot.Chat.Wording;
using JobSheetQA.Bot.Evidence.Readiness;
using JobSheetQA.Rules.Facts;

namespace JobSheetQA.Bot.Chat.Evidence;

/// <summary>Renders a <see cref="ReadinessPack"/> as the evidence document the runbook points to (docs/evidence/DEPLOYMENT_READINESS_PACK.md, §6.1).</summary>
public static class ReadinessMarkdown
{
    public const string SuggestedPath = "docs/evidence/DEPLOYMENT_READINESS_PACK.md";

    public static string Render(ReadinessPack pack)
    {
        var md = new StringBuilder();
        md.AppendLine("# Deployment Readiness Pack");
        md.AppendLine();
        md.AppendLine($"Generated {ChatText.Utc(pack.GeneratedAt)} by JobSheetQA.Bot for `{pack.Repository}` (runbook §6.1).");
        md.AppendLine();

        md.AppendLine("## Current HEAD SHA");
        md.AppendLine();
        md.AppendLine($"`{pack.Branch}` → `{pack.HeadSha}`");
        md.AppendLine();

        md.AppendLine("## Gate checklist status");
        md.AppendLine();
        md.AppendLine("The latest promotion run of each environment (runbook §2.3).");
        md.AppendLine();
        md.AppendLine("| Gate | " + string.Join(" | ", pack.LatestRuns.Select(r => r.Environment)) + " |");
        md.AppendLine("|---|" + string.Concat(pack.LatestRuns.Select(_ => "---|")));
        md.AppendLine("| Promotion | " + string.Join(" | ", pack.LatestRuns.Select(r => Cell(Describe(r, pack.HeadSha)))) + " |");
        foreach (var step in Enum.GetValues<PromotionStep>())
            md.AppendLine($"| {step.DisplayName()} | " + string.Join(" | ", pack.LatestRuns.Select(r => Outcome(r, step))) + " |");
        md.AppendLine("| Run | " + string.Join(" | ", pack.LatestRuns.Select(r => r.Promotion?.RunUrl is not { } url ? "—" : $"[run]({url})")) + " |");
        md.AppendLine();

        md.AppendLine("## Config defaults");
        md.AppendLine();
        md.AppendLine("Read-only posture (runbook §4.1):");
        md.AppendLine();
        md.AppendLine("| Config | Default | Environment | Now | Purpose |");
        md.AppendLine("|---|---|---|---|---|");
        foreach (var flag in pack.Config)
            md.AppendLine($"| `{flag.Name}` | `{flag.Default}` | {flag.Environment} | {Cell(flag.Current is null ? $"unknown ({GitHubProblem.Describe(flag.Problem!)})" : $"`{flag.Current}`")} | {Cell(flag.Purpose)} |");
        md.AppendLine();
        md.AppendLine("Workflow inputs (runbook §2.1):");
        md.AppendLine();
        md.AppendLine("| Input | Default |");
        md.AppendLine("|---|---|");
        md.AppendLine($"| `target_environment` | required: {string.Join(" or ", pack.Policy.Environments.Select(e => $"`{e.Name}`"))} |");
        md.AppendLine("| `use_nightly_parity` | `false` |");
        md.AppendLine($"| `skip_parity` | `false` (allowed only for {string.Join(", ", pack.Policy.Environments.Where(e => e.AllowParitySkip).Select(e => e.Name))}) |");
        md.AppendLine($"| `skip_parity_acknowledgement` | empty; exactly `{pack.Policy.Acknowledgement.Phrase}` to skip |");
        md.AppendLine();
        md.AppendLine("Policy (rules/policy.yaml):");
        md.AppendLine();
        md.AppendLine($"- promotions only from `{pack.Policy.AllowedBranch}`; acknowledgements expire after {ChatText.Duration(pack.Policy.Acknowledgement.ExpiresAfter)}");
        md.AppendLine($"- required secrets: {string.Join(", ", pack.Policy.RequiredSecrets.Select(s => $"`{s}`"))}");
        md.AppendLine($"- write windows: {ChatText.Duration(pack.Policy.WriteWindows.MinDuration)} to {ChatText.Duration(pack.Policy.WriteWindows.MaxDuration)}, change request matching `{pack.Policy.WriteWindows.ChangeRequestPattern}`");
        foreach (var environment in pack.Policy.Environments)
            md.AppendLine($"- may promote to {environment.Name}: {People(environment.Requesters)}");
        md.AppendLine();

        md.AppendLine("## Sign-off requirements");
        md.AppendLine();
        foreach (var item in ReadinessSignOff.Items(pack))
            md.AppendLine($"- {item.Box} {Capitalise(item.Requirement)} (runbook {item.Runbook}): {item.Detail}");
        md.AppendLine();
        md.AppendLine("| Role | Name | Date | Decision |");
        md.AppendLine("|---|---|---|---|");
        md.AppendLine("| Release engineer | | | |");
        md.AppendLine("| Approver | | | |");
        return md.ToString().TrimEnd() + "\n";
    }

    /// <summary>"p-abc succeeded (9f2c4e1, HEAD) by Dana", or "none yet".</summary>
    public static string Describe(ReadinessRun run, string headSha) =>
        run.Promotion is not { } promotion
            ? "none yet"
            : $"`{promotion.Id}` {PromotionText.State(promotion.State)} (`{ChatText.ShortSha(promotion.CommitSha)}`{(string.Equals(promotion.CommitSha, headSha, StringComparison.OrdinalIgnoreCase) ? ", HEAD" : ", not HEAD")}) by {promotion.RequesterDisplayName}";

    private static string Outcome(ReadinessRun run, PromotionStep step) =>
        !run.Exists ? "—" : run.Gates.TryGetValue(step, out var outcome) ? outcome.ToString().ToLowerInvariant() : "not run";

    /// <summary>How many people a list names, not who: the pack is shared evidence, the ids stay in policy.yaml.</summary>
    private static string People(IReadOnlyList<string> entries) =>
        entries.Contains("*") ? "anyone (`*`)"
        : entries.Count == 0 ? "nobody listed (anyone in Development only)"
        : entries.Count == 1 ? "1 person listed in policy.yaml"
        : $"{entries.Count} people listed in policy.yaml";

    // A literal pipe (a regex alternative, a message) would end the table cell.
    private static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal);

    private static string Capitalise(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}
