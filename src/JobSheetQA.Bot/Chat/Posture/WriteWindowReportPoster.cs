using JobSheetQA.Bot.Chat.Outbound;
using JobSheetQA.Bot.Chat.Replies;
using JobSheetQA.Bot.Posture.WriteWindows;

namespace JobSheetQA.Bot.Chat.Posture;

/// <summary>
/// Posts what the write-window watch reports into the conversation the window was opened from (when it has one) and
/// into every subscribed conversation but that one, once each.
/// </summary>
public sealed class WriteWindowReportPoster(ConversationPoster poster) : IWriteWindowReports
{
    public Task<bool> ReportAsync(WriteWindowReport report, CancellationToken cancellationToken) => report switch
    {
        WriteWindowEndsSoon r => PostAsync(r, WriteWindowReportText.EndsSoon(r.Window), $"write-window-reminder:{r.Window.Id}", "write-window-reminder", cancellationToken),
        WriteWindowEnded r => PostAsync(r, WriteWindowReportText.Ended(r.Window, r.Flags), $"write-window-end:{r.Window.Id}", "write-window-end", cancellationToken),
        // The opener read the flags being set in the turn's answer; the subscribers hear it here.
        WriteWindowFlagsSet r => poster.PostToSubscribersAsync(() => Task.FromResult<Reply?>(WriteWindowReportText.FlagsSet(r.Window, r.Flags)),
            $"write-window-set:{r.Window.Id}", "write-window-set", null, outcomesOnly: false, except: r.Window.ConversationReferenceId, cancellationToken),
        WriteWindowRestoreFailed r => PostAsync(r, WriteWindowReportText.RestoreFailed(r.Window, r.Attempt, r.Error, r.NextAttemptAt),
            $"write-window-restore-failed:{r.Window.Id}:{r.Attempt}", "write-window-restore-failed", cancellationToken),
        _ => throw new NotSupportedException($"No post for {report.GetType().Name}."),
    };

    private async Task<bool> PostAsync(WriteWindowReport report, Reply reply, string keyPrefix, string kind, CancellationToken cancellationToken)
    {
        var window = report.Window;
        var done = true;
        if (window.ConversationReferenceId is { } opener)
            done &= await poster.PostOnceAsync(opener, reply, $"{keyPrefix}:{opener}", kind, null, cancellationToken);
        done &= await poster.PostToSubscribersAsync(() => Task.FromResult<Reply?>(reply), keyPrefix, kind,
            null, outcomesOnly: false, except: window.ConversationReferenceId, cancellationToken);
        return done;
    }
}
