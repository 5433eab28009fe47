using JobSheetQA.Bot.GitHub;
using JobSheetQA.Bot.Posture.WriteWindows;
using JobSheetQA.Bot.Storage;
using JobSheetQA.Rules.Policy;

namespace JobSheetQA.Bot.Jobs;

/// <summary>
/// Watches write windows (runbook §4.3): a reminder before a window ends, and once it has ended (or was closed) a
/// check of the posture flags that says whether the environment is back to read-only. Both are reported
/// (<see cref="IWriteWindowReports"/>: the window's conversation and subscribed conversations hear them, once each); a
/// window is marked done only after its report was delivered. A managed window (<c>WriteWindows:ManageVariables</c>) that
/// ended first has its flags restored and read back (<see cref="WriteWindowRestorer"/>); its end check waits for that, so
/// it says read-only. Run at start-up too: a window that ended while the bot was down is restored then (crash-safe).
/// </summary>
public sealed class WriteWindowWatchJob(
    WriteWindowStore windows,
    WriteWindowRestorer restorer,
    IRepositoryFacts repository,
    IWriteWindowReports reports,
    PromotionPolicy policy,
    TimeProvider time,
    ILogger<WriteWindowWatchJob> logger)
{
    public const string RecurringJobId = "write-window-watch";

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        foreach (var owed in await windows.DueForRestoreAsync(now, cancellationToken))
            await restorer.RestoreAsync(owed.Id, cancellationToken);

        foreach (var window in await windows.DueForReminderAsync(now, policy.WriteWindows.ReminderBeforeEnd, cancellationToken))
        {
            if (await reports.ReportAsync(new WriteWindowEndsSoon(window), cancellationToken))
                await windows.MarkReminderSentAsync(window.Id, now, cancellationToken);
        }

        var flagNames = policy.Posture.Flags.Select(f => f.Name).ToList();
        foreach (var window in await windows.DueForEndCheckAsync(now, cancellationToken))
        {
            var flags = await repository.GetEnvironmentVariablesAsync(window.Environment, flagNames, cancellationToken);
            if (!flags.Succeeded)
            {
                // Say nothing rather than guess; the next run asks GitHub again.
                JobsLog.WriteWindowFlagsUnreadable(logger, window.Id, window.Environment, flags.Error.Kind, flags.Error.Message);
                continue;
            }

            if (await reports.ReportAsync(new WriteWindowEnded(window, flags.Value), cancellationToken))
                await windows.MarkEndCheckDoneAsync(window.Id, now, cancellationToken);
        }
    }
}
