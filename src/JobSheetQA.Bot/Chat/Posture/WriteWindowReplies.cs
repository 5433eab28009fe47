using System.Text;
using JobSheetQA.Bot.Chat.Replies;
using JobSheetQA.Bot.Chat.Wording;
using JobSheetQA.Bot.Posture.WriteWindows;
using JobSheetQA.Rules.Policy;

namespace JobSheetQA.Bot.Chat.Posture;

/// <summary>What the bot answers for <c>write-window open</c> and <c>write-window close</c> (runbook §4.3).</summary>
public static class WriteWindowReplies
{
    public static Reply For(WriteWindowOutcome outcome, PromotionPolicy policy) => outcome switch
    {
        WriteWindowNotAuthorized o => Reply.Text(AuthorizationText.Refusal(o.Refusal)),
        WriteWindowRefused o => Refused(o),
        WriteWindowOpenedTwice o => Reply.Text(
            $"Write window refused for {o.Environment}: another window{(o.First is null ? "" : $" ({o.First.ChangeRequest} by {o.First.OpenedBy})")} was opened at the same moment (WRITE-WINDOW, runbook §4.3: one at a time). Nothing else changed."),
        WriteWindowOpened o => Opened(o, policy),
        NoWriteWindowOpen o => Reply.Text($"No write window is open on {o.Environment}; nothing to close."),
        WriteWindowClosed o => Closed(o, policy),
        WriteWindowManagementOff o => Reply.Text(
            $"I do not change variables (WriteWindows:ManageVariables is off), so I cannot set flags for a window on {o.Environment}. "
            + $"Open it without naming flags (`write-window open {o.Environment} <CR-id> for <duration>`) and change them by hand. Nothing was opened."),
        WriteWindowFlagsNeeded o => Reply.Text(
            $"Say which flags the window is for, and I set them on {o.Environment} and restore them when it ends: "
            + $"`write-window open {o.Environment} <CR-id> for <duration> purge` (ENABLE_PURGE_EXECUTION), `scheduler` (ENABLE_SCHEDULER) or `both`. Nothing was opened."),
        WriteWindowFlagsNotSet o => FlagsNotSet(o),
        _ => throw new NotSupportedException($"No reply for {outcome.GetType().Name}."),
    };

    private static Reply Refused(WriteWindowRefused refused)
    {
        var request = refused.Request;
        var text = new StringBuilder($"Write window refused for {request.Environment} ({request.ChangeRequest}, {ChatText.Duration(request.Duration ?? TimeSpan.Zero)}):\n");
        foreach (var finding in refused.Decision.Denials)
            text.AppendLine($"- {finding.RuleId} ({ChatText.Section(finding.RunbookSection)}): {finding.Message}");
        return Reply.Text(text.ToString().TrimEnd());
    }

    private static Reply FlagsNotSet(WriteWindowFlagsNotSet failed)
    {
        var window = failed.Window;
        var restore = failed.Restore switch
        {
            FlagsRestored r => $" The previous values are back: {Values(r.Flags)} (read back).",
            FlagsNotRestored r => $" Restoring the previous values failed too ({r.Error}); I retry at {ChatText.Utc(r.NextAttemptAt)} and say so here until it works.",
            _ => " Nothing was changed.",
        };
        return Reply.Text(
            $"**Write window not opened** on {window.Environment} for {window.ChangeRequest}: I could not set the flags: {GitHubProblem.Describe(failed.Error)}. "
            + $"The window is closed.{restore}");
    }

    /// <summary>"`ENABLE_PURGE_EXECUTION` = `false`, `ENABLE_SCHEDULER` unset".</summary>
    private static string Values(IReadOnlyList<VariableScopesRead> flags) =>
        ChatText.AndList(flags.Select(f => f.EnvironmentValue is { } value ? $"`{f.Name}` = `{value}`" : $"`{f.Name}` unset").ToList());

    private static Reply Opened(WriteWindowOpened opened, PromotionPolicy policy)
    {
        var window = opened.Window;
        if (opened.SetFlags is { } set)
            return ManagedOpened(opened, set);

        var flags = ChatText.AndList(policy.Posture.Flags.Select(f => $"`{f.Name}`").ToList());
        return new Reply(
        [
            new TextBlock($"Write window **open** on {window.Environment} for {window.ChangeRequest} until {ChatText.Utc(window.EndsAt)} ({ChatText.Duration(opened.Duration)})."),
            new FactsBlock(
            [
                new ReplyFact("Change request", window.ChangeRequest),
                new ReplyFact("Opened by", window.OpenedBy),
                new ReplyFact("Ends", ChatText.Utc(window.EndsAt)),
            ]),
            new TextBlock(
                $"Runbook §4.3: update {flags} explicitly, monitor closely during the window, and revert to read-only after completion. " +
                $"While the window is open, the posture rules warn instead of refusing {window.Environment} promotions. " +
                $"A reminder comes {ChatText.Duration(policy.WriteWindows.ReminderBeforeEnd)} before the end, and the flags are checked when it ends."),
            new ButtonsBlock(
            [
                new ReplyButton("Show posture", $"posture {window.Environment}"),
                new ReplyButton("Close window", $"write-window close {window.Environment}", ButtonStyle.Danger),
            ]),
        ]);
    }

    private static Reply ManagedOpened(WriteWindowOpened opened, IReadOnlyList<JobSheetQA.Rules.Facts.PostureFlag> set)
    {
        var window = opened.Window;
        var previous = ManagedFlags.Previous(window);
        return new Reply(
        [
            new TextBlock(
                $"Write window **open** on {window.Environment} for {window.ChangeRequest} until {ChatText.Utc(window.EndsAt)} ({ChatText.Duration(opened.Duration)}). "
                + $"I set {ChatText.AndList(set.Select(f => $"`{f.Name}` = `{f.DisplayValue}`").ToList())} on the {window.Environment} environment (read back; "
                + $"before: {ChatText.AndList(set.Select(f => $"`{f.Name}` {(previous.GetValueOrDefault(f.Name) is { } v ? $"= `{v}`" : "unset")}").ToList())})."),
            new FactsBlock(
            [
                new ReplyFact("Change request", window.ChangeRequest),
                new ReplyFact("Opened by", window.OpenedBy),
                new ReplyFact("Ends", ChatText.Utc(window.EndsAt)),
            ]),
            new TextBlock(
                "Runbook §4.3: monitor closely during the window. When it is closed or ends I restore the previous values and read them back; "
                + "until then the posture rules warn instead of refusing promotions."),
            new ButtonsBlock(
            [
                new ReplyButton("Show posture", $"posture {window.Environment}"),
                new ReplyButton("Close window", $"write-window close {window.Environment}", ButtonStyle.Danger),
            ]),
        ]);
    }

    private static Reply Closed(WriteWindowClosed closed, PromotionPolicy policy)
    {
        var environment = closed.Environment;
        var changeRequests = closed.Closed.Select(w => w.ChangeRequest).Distinct().ToList();
        var opened = closed.Closed.MaxBy(w => w.EndsAt)!;
        var text = new StringBuilder(
            $"Write window for {ChatText.AndList(changeRequests)} on {environment} (opened by {opened.OpenedBy}, due to end {ChatText.Utc(opened.EndsAt)}) closed by {closed.ClosedBy}.\n");

        foreach (var restore in closed.Restores)
        {
            text.Append(restore switch
            {
                FlagsRestored r => $"Restored {Values(r.Flags)} on {environment} (read back).\n",
                FlagsNotRestored r => $"⚠ Restoring the flags failed ({r.Error}); I retry at {ChatText.Utc(r.NextAttemptAt)} and post each attempt until it works.\n",
                _ => "",
            });
        }

        if (closed.FlagsUnreadable is { } error)
        {
            text.Append($"I could not read the posture flags: {GitHubProblem.Describe(error)}. Check them with `posture {environment}`.");
        }
        else if (closed.Flags.Where(f => f.IsEnabled).ToList() is { Count: > 0 } enabled)
        {
            text.Append(
                $"⚠ Still enabled: {ChatText.AndList(enabled.Select(f => $"`{f.Name}` = `{f.DisplayValue}`").ToList())}. Revert to read-only (runbook §4.3 step 4); " +
                $"until then {environment} promotions are refused by the posture rules.");
        }
        else
        {
            text.Append($"✓ {ChatText.AndList(policy.Posture.Flags.Select(f => $"`{f.Name}`").ToList())} are false or unset: {environment} is back to read-only.");
        }

        return Reply.Text(text.ToString());
    }
}
