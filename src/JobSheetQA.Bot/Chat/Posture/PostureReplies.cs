using System.Text;
using JobSheetQA.Bot.Chat.Promotions;
using JobSheetQA.Bot.Chat.Replies;
using JobSheetQA.Bot.Chat.Wording;
using JobSheetQA.Bot.Posture;
using JobSheetQA.Rules.Facts;
using JobSheetQA.Rules.Policy;

namespace JobSheetQA.Bot.Chat.Posture;

/// <summary>What the bot answers for <c>posture</c> and for a submitted posture checklist (runbook §4).</summary>
public static class PostureReplies
{
    /// <summary>The flags as GitHub has them, the open window, and the §4.2 checklist with what the bot can check ticked.</summary>
    public static Reply View(PostureView view, IReadOnlyList<PostureFlagPolicy> policyFlags)
    {
        var blocks = new List<ReplyBlock> { new TextBlock(Headline(view.Environment, view.Enabled, view.Window)) };
        blocks.Add(new FactsBlock(policyFlags.Zip(view.Flags, (p, f) =>
            new ReplyFact(f.Name, $"{f.DisplayValue} ({(f.IsEnabled ? "enabled" : "read-only")}; {Wins(f)}; default false: {p.Purpose})")).ToList()));
        if (view.Scopes.Count > 0)
        {
            var scopes = new StringBuilder("Each scope GitHub applies (environment over repository over organisation; anything but `false` or unset counts as on):\n");
            foreach (var flag in view.Scopes)
                scopes.AppendLine($"- `{flag.Name}`: environment {Shown(flag.EnvironmentValue)}, repository {Shown(flag.RepositoryValue)}, organisation {Shown(flag.OrganizationValue)} → the deploy job reads {Shown(flag.Winning.Value)}");
            blocks.Add(new TextBlock(scopes.ToString().TrimEnd()));
        }

        if (view.Window is { } window)
        {
            blocks.Add(new FactsBlock(
            [
                new ReplyFact("Write window", $"{window.ChangeRequest} by {window.OpenedBy}, open until {ChatText.Utc(window.EndsAt)}"),
            ]));
        }

        var checklist = new StringBuilder("Read-only posture checklist (runbook §4.2):\n");
        foreach (var flag in view.Flags)
            checklist.AppendLine($"- [{(flag.IsEnabled ? " " : "x")}] `{flag.Name}` is `false` or unset");
        checklist.AppendLine("- [?] Database connection is read-only (if applicable): check by hand");
        checklist.AppendLine("- [?] No destructive operations are scheduled: check by hand");
        checklist.AppendLine("- [?] Monitoring alerts are configured: check by hand");
        if (view.LastChecklist is { } last)
        {
            var confirmed = PostureChecklistForm.Ticks(last).Count(t => t.Ticked);
            checklist.AppendLine($"Last recorded checklist: {confirmed}/5 confirmed by {last.RecordedBy} at {ChatText.Utc(last.RecordedAt)} after `{last.PromotionId}`.");
        }

        blocks.Add(new TextBlock(checklist.ToString().TrimEnd()));
        return new Reply(blocks);
    }

    private static string Shown(string? value) => value is null ? "unset" : $"`{value}`";

    private static string Wins(PostureFlag flag) => flag.Value is null ? "unset at every scope" : flag.Scope switch
    {
        VariableScope.Repository => "from repository scope",
        VariableScope.Organization => "from organisation scope",
        _ => "from environment scope",
    };

    public static Reply Checklist(PostureChecklistOutcome outcome) => outcome switch
    {
        ChecklistForUnknownPromotion => Reply.Text("That posture checklist is for a promotion I do not know. Nothing was recorded."),
        ChecklistNotApplicable o => Reply.Text(
            $"Not recorded: the posture checklist is for a successful promotion to a read-only environment, and `{o.Promotion.Id}` is a {o.Promotion.Environment} promotion that is {PromotionText.State(o.Promotion.State)}."),
        ChecklistNotAuthorized o => Reply.Text(AuthorizationText.Refusal(o.Refusal)),
        ChecklistNoteTooLong o => Reply.Text($"Not recorded: the note is {o.Length} characters; at most {PostureChecklistAnswers.MaxNoteLength}."),
        ChecklistAlreadyRecorded o => Reply.Text(
            $"The posture checklist for `{o.Promotion.Id}` was already recorded by {o.Recorded.RecordedBy} at {ChatText.Utc(o.Recorded.RecordedAt)}; those answers stand. Nothing was changed."),
        ChecklistRecorded o => Recorded(o),
        _ => throw new NotSupportedException($"No reply for {outcome.GetType().Name}."),
    };

    private static Reply Recorded(ChecklistRecorded recorded)
    {
        var (promotion, stored) = (recorded.Promotion, recorded.Recorded);
        var ticks = PostureChecklistForm.Ticks(stored);
        var text = new StringBuilder($"Posture checklist recorded for `{promotion.Id}` ({promotion.Environment}, `{ChatText.ShortSha(promotion.CommitSha)}`) by {stored.RecordedBy}:\n");
        foreach (var (_, label, ticked) in ticks)
            text.AppendLine($"- {(ticked ? "✓" : "✗")} {label}");

        var unticked = ticks.Where(t => !t.Ticked).Select(t => t.Label).ToList();
        if (unticked.Count > 0)
            text.AppendLine($"Follow up: {unticked.Count} item(s) not confirmed; the runbook expects all of them before the next production deployment.");

        if (recorded.FlagsUnreadable is { } error)
            text.AppendLine($"I could not cross-check the flags: {GitHubProblem.Describe(error)}. `posture {promotion.Environment}` shows them.");
        foreach (var flag in recorded.Contradicted)
            text.AppendLine($"⚠ GitHub says `{flag.Name}` = `{flag.DisplayValue}` on {promotion.Environment}, although it was ticked as false or unset.");

        return Reply.Text(text.ToString().TrimEnd());
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
