using System.Text;
using JobSheetQA.Bot.Chat.Commands;
using JobSheetQA.Bot.Chat.Replies;
using JobSheetQA.Bot.Chat.Turns;
using JobSheetQA.Bot.GitHub;
using JobSheetQA.Bot.Storage;
using JobSheetQA.Rules.Facts;
using JobSheetQA.Rules.Policy;

namespace JobSheetQA.Bot.Chat.Handlers.Posture;

/// <summary>
/// <c>posture [production]</c>: the posture flags as GitHub has them now (runbook §4.1), any open write window (§4.3),
/// and the read-only checklist of §4.2 with the items the bot can check itself ticked or not.
/// </summary>
public sealed class PostureHandler(
    PromotionPolicy policy,
    IRepositoryFacts github,
    WriteWindowStore writeWindows,
    PostureChecklistStore checklists) : ChatCommandHandler<PostureCommand>
{
    protected override async Task<IReadOnlyList<Reply>> HandleAsync(PostureCommand command, ChatTurn turn, CancellationToken cancellationToken)
    {
        var environment = command.Environment;
        if (policy.FindEnvironment(environment) is not { } environmentPolicy)
        {
            var known = policy.Environments.Select(e => $"`{e.Name}`").ToList();
            var closest = Suggestions.Closest(environment, policy.Environments.Select(e => e.Name));
            var didYouMean = closest.Count == 0 ? "" : $" Did you mean `posture {closest[0]}`?";
            return [Reply.Text($"Unknown environment `{environment}`: the policy has {ChatText.AndList(known)}.{didYouMean}")];
        }

        var flagNames = policy.Posture.Flags.Select(f => f.Name).ToList();
        var read = await github.GetEnvironmentVariablesAsync(environment, flagNames, cancellationToken);
        if (!read.Succeeded)
            return [GitHubProblem.Reply($"read the posture flags of {environment}", read.Error)];

        var flags = policy.Posture.Flags
            .Select(f => read.Value.FirstOrDefault(v => v.Name == f.Name) ?? new PostureFlag(environment, f.Name, null))
            .ToList();
        var windows = await writeWindows.CurrentAsync(environment, turn.Now, cancellationToken);
        var window = windows.MaxBy(w => w.EndsAt);
        var enabled = flags.Where(f => f.IsEnabled).ToList();

        var blocks = new List<ReplyBlock> { new TextBlock(Headline(environmentPolicy, enabled, window)) };
        blocks.Add(new FactsBlock(policy.Posture.Flags.Zip(flags, (p, f) =>
            new ReplyFact(f.Name, $"{f.DisplayValue} ({(f.IsEnabled ? "enabled" : "read-only")}; default false: {p.Purpose})")).ToList()));

        if (window is not null)
        {
            blocks.Add(new FactsBlock(
            [
                new ReplyFact("Write window", $"{window.ChangeRequest} by {window.OpenedBy}, open until {ChatText.Utc(window.EndsAt)}"),
            ]));
        }

        var checklist = new StringBuilder("Read-only posture checklist (runbook §4.2):\n");
        foreach (var flag in flags)
            checklist.AppendLine($"- [{(flag.IsEnabled ? " " : "x")}] `{flag.Name}` is `false` or unset");
        checklist.AppendLine("- [?] Database connection is read-only (if applicable): check by hand");
        checklist.AppendLine("- [?] No destructive operations are scheduled: check by hand");
        checklist.AppendLine("- [?] Monitoring alerts are configured: check by hand");
        if (environmentPolicy.ReadOnlyPosture && await checklists.LatestAsync(environment, cancellationToken) is { } last)
        {
            var confirmed = PostureChecklist.Ticks(last).Count(t => t.Ticked);
            checklist.AppendLine($"Last recorded checklist: {confirmed}/5 confirmed by {last.RecordedBy} at {ChatText.Utc(last.RecordedAt)} after `{last.PromotionId}`.");
        }

        blocks.Add(new TextBlock(checklist.ToString().TrimEnd()));
        return [new Reply(blocks)];
    }

    private static string Headline(EnvironmentPolicy environment, IReadOnlyList<PostureFlag> enabled, WriteWindow? window)
    {
        if (!environment.ReadOnlyPosture)
            return $"**{environment.Name}** has no read-only posture in the policy; the flags are shown for information.";
        if (enabled.Count == 0)
            return $"**{environment.Name}** is in its read-only posture: every posture flag is false or unset.";

        var names = ChatText.AndList(enabled.Select(f => $"`{f.Name}`").ToList());
        return window is null
            ? $"**{environment.Name}** is NOT read-only: {names} enabled and no write window is open. Promotions to {environment.Name} are refused (POSTURE-PURGE / POSTURE-SCHED) until it is reverted."
            : $"**{environment.Name}** has {names} enabled under write window {window.ChangeRequest} (until {ChatText.Utc(window.EndsAt)}). Revert to read-only when the work is done (runbook §4.3 step 4).";
    }
}
