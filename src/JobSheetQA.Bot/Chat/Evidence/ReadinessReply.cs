using System.Text;
using JobSheetQA.Bot.Chat.Replies;
using JobSheetQA.Bot.Chat.Wording;
using JobSheetQA.Bot.Evidence.Readiness;
using JobSheetQA.Rules.Facts;

namespace JobSheetQA.Bot.Chat.Evidence;

/// <summary>Renders a <see cref="ReadinessPack"/> for chat: a summary to read, then the same pack as markdown to keep as evidence.</summary>
public static class ReadinessReply
{
    public static IReadOnlyList<Reply> Render(ReadinessPack pack)
    {
        var facts = new List<ReplyFact> { new("HEAD", $"{pack.Branch} @ {pack.HeadSha}") };
        foreach (var run in pack.LatestRuns)
            facts.Add(new ReplyFact($"latest {run.Environment}", ReadinessMarkdown.Describe(run, pack.HeadSha) + Gates(run)));
        foreach (var flag in pack.Config)
            facts.Add(new ReplyFact($"{flag.Environment} {flag.Name}", flag.Current ?? $"unknown ({GitHubProblem.Describe(flag.Problem!)})"));

        var items = ReadinessSignOff.Items(pack);
        var signOff = new StringBuilder("Sign-off requirements:\n");
        foreach (var item in items)
            signOff.AppendLine($"- {item.Box} {item.Requirement} (runbook {item.Runbook}): {item.Detail}");
        var met = items.Count(i => i.Status == SignOffStatus.Met);

        var summary = new Reply(
        [
            new TextBlock($"**Deployment Readiness Pack** for `{pack.Repository}` at {ChatText.Utc(pack.GeneratedAt)}: {met} of {items.Count} requirements met."),
            new FactsBlock(facts),
            new TextBlock(signOff.ToString().TrimEnd()),
        ]);
        var markdown = Reply.Text($"Markdown for `{ReadinessMarkdown.SuggestedPath}`:\n```markdown\n{ReadinessMarkdown.Render(pack)}```");
        return [summary, markdown];
    }

    private static string Gates(ReadinessRun run)
    {
        if (!run.Exists)
            return "";
        var passed = Enum.GetValues<PromotionStep>().Count(step => run.Gates.TryGetValue(step, out var outcome) && outcome == StepOutcome.Passed);
        var failed = run.Gates.Where(g => g.Value == StepOutcome.Failed).Select(g => g.Key.DisplayName()).ToList();
        return $"; {passed}/{Enum.GetValues<PromotionStep>().Length} steps passed" + (failed.Count > 0 ? $", failed at {string.Join(", ", failed)}" : "");
    }
}
