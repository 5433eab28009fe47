using JobSheetQA.Bot.Chat.Replies;
using JobSheetQA.Bot.GitHub;
using JobSheetQA.Bot.Storage;
using JobSheetQA.Bot.Storage.Entities;
using JobSheetQA.Rules.Policy;

namespace JobSheetQA.Bot.Jobs;

/// <summary>
/// Watches write windows (runbook §4.3): a reminder before a window ends, and once it has ended (or was closed) a
/// check of the posture flags that says whether the environment is back to read-only. Both go to the conversation the
/// window was opened from and to every subscribed conversation, once each; a window is marked done only after its posts are made.
/// </summary>
public sealed class WriteWindowWatchJob(
    WriteWindowStore windows,
    IRepositoryFacts repository,
    NotificationPoster poster,
    PromotionPolicy policy,
    TimeProvider time,
    ILogger<WriteWindowWatchJob> logger)
{
    public const string RecurringJobId = "write-window-watch";

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        foreach (var window in await windows.DueForReminderAsync(now, policy.WriteWindows.ReminderBeforeEnd, cancellationToken))
        {
            if (await PostAsync(window, TrackingMessages.WriteWindowEndsSoon(window), $"write-window-reminder:{window.Id}", "write-window-reminder", cancellationToken))
                await windows.MarkReminderSentAsync(window.Id, now, cancellationToken);
        }

        var flagNames = policy.Posture.Flags.Select(f => f.Name).ToList();
        foreach (var window in await windows.DueForEndCheckAsync(now, cancellationToken))
        {
            var flags = await repository.GetEnvironmentVariablesAsync(window.Environment, flagNames, cancellationToken);
            if (!flags.Succeeded)
            {
                // Say nothing rather than guess; the next run asks GitHub again.
                logger.LogWarning("Write window {WindowId} end check: could not read {Environment}'s posture flags ({Kind}: {Message})",
                    window.Id, window.Environment, flags.Error.Kind, flags.Error.Message);
                continue;
            }

            if (await PostAsync(window, TrackingMessages.WriteWindowEnded(window, flags.Value), $"write-window-end:{window.Id}", "write-window-end", cancellationToken))
                await windows.MarkEndCheckDoneAsync(window.Id, now, cancellationToken);
        }
    }

    /// <summary>Into the window's own conversation (when it has one) and every subscribed conversation but that one; true when all are done.</summary>
    private async Task<bool> PostAsync(WriteWindowEntity window, Reply reply, string keyPrefix, string kind, CancellationToken cancellationToken)
    {
        var done = true;
        if (window.ConversationReferenceId is { } opener)
            done &= await poster.PostOnceAsync(opener, reply, $"{keyPrefix}:{opener}", kind, null, cancellationToken);
        done &= await poster.PostToSubscribersAsync(() => Task.FromResult<Reply?>(reply), keyPrefix, kind,
            null, outcomesOnly: false, except: window.ConversationReferenceId, cancellationToken);
        return done;
    }
}
