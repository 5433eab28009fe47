using JobSheetQA.Bot.Chat.Replies;
using JobSheetQA.Bot.Chat.Wording;
using JobSheetQA.Bot.Storage.Entities;
using JobSheetQA.Rules.Facts;

namespace JobSheetQA.Bot.Chat.Posture;

/// <summary>The words of each write-window report (runbook §4.3): the reminder before a window ends, the posture check after.</summary>
public static class WriteWindowReportText
{
    public static Reply EndsSoon(WriteWindowEntity window) => Reply.Text(
        $"⏰ The write window **{window.ChangeRequest}** on **{window.Environment}** (opened by {window.OpenedBy}) ends at "
        + $"{ChatText.UtcTime(window.EndsAt)}. Finish the writes and set the posture flags back to false "
        + "(runbook §4.3).");

    public static Reply Ended(WriteWindowEntity window, IReadOnlyList<PostureFlag> flags)
    {
        var how = window.ClosedAt is { } closed && closed < window.EndsAt
            ? $"was closed by {window.ClosedBy ?? "someone"}"
            : "has ended";
        var values = string.Join(", ", flags.Select(f => $"{f.Name}={f.DisplayValue}"));
        var enabled = flags.Where(f => f.IsEnabled).Select(f => f.Name).ToList();
        var verdict = enabled.Count == 0
            ? $"✅ **{window.Environment} is back to read-only** ({values})."
            : $"⚠️ **{window.Environment} is NOT back to read-only**: {string.Join(", ", enabled)} still true ({values}). Set them back to false or unset (runbook §4.1).";
        var restored = window.RestoredAt is null ? "" : " I restored the flags it had set and read them back.";
        return Reply.Text($"The write window **{window.ChangeRequest}** on **{window.Environment}** {how}.{restored} {verdict}");
    }

    public static Reply FlagsSet(WriteWindowEntity window, IReadOnlyList<PostureFlag> flags) => Reply.Text(
        $"✍️ Write window **{window.ChangeRequest}** on **{window.Environment}** opened by {window.OpenedBy} until {ChatText.UtcTime(window.EndsAt)}: "
        + $"I set {string.Join(", ", flags.Select(f => $"{f.Name}={f.DisplayValue}"))} on the {window.Environment} environment (runbook §4.3). "
        + "I restore the previous values when it is closed or ends.");

    public static Reply RestoreFailed(WriteWindowEntity window, int attempt, string error, DateTimeOffset nextAttemptAt) => Reply.Text(
        $"⚠️ Restoring the flags of write window **{window.ChangeRequest}** on **{window.Environment}** failed (attempt {attempt}): {error}. "
        + $"{window.Environment} may still allow writes. I try again at {ChatText.UtcTime(nextAttemptAt)} and post each failure until it works.");
}
