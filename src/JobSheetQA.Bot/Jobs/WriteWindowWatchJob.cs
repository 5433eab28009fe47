using JobSheetQA.Bot.GitHub;
using JobSheetQA.Bot.Storage;
using JobSheetQA.Rules.Policy;

namespace JobSheetQA.Bot.Jobs;

/// <summary>
/// Watches write windows (runbook §4.3): a reminder before a window ends, and once it has ended (or was closed) a
/// check of the posture flags that says whether the environment is back to read-only. Windows record no conversation,
/// so both go to every subscribed conversation, once each; a window is marked done only after its posts are made.
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
            var reply = TrackingMessages.WriteWindowEndsSoon(window);
            if (await poster.PostToSubscribersAsync(() => Task.FromResult<Chat.Replies.Reply?>(reply), $"write-window-reminder:{window.Id}", "write-window-reminder",
                    null, outcomesOnly: false, except: null, cancellationToken))
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

            var reply = TrackingMessages.WriteWindowEnded(window, flags.Value);
            if (await poster.PostToSubscribersAsync(() => Task.FromResult<Chat.Replies.Reply?>(reply), $"write-window-end:{window.Id}", "write-window-end",
                    null, outcomesOnly: false, except: null, cancellationToken))
                await windows.MarkEndCheckDoneAsync(window.Id, now, cancellationToken);
        }
    }
}
