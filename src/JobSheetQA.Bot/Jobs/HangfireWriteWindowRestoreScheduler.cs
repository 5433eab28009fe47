using Hangfire;
using JobSheetQA.Bot.Posture.WriteWindows;

namespace JobSheetQA.Bot.Jobs;

/// <summary><see cref="IWriteWindowRestoreScheduler"/> on Hangfire: a scheduled <see cref="WriteWindowRestoreJob"/> with the window id.</summary>
internal sealed class HangfireWriteWindowRestoreScheduler(IBackgroundJobClient jobs) : IWriteWindowRestoreScheduler
{
    public void RetryAt(long windowId, DateTimeOffset at) =>
        jobs.Schedule<WriteWindowRestoreJob>(job => job.RunAsync(windowId, CancellationToken.None), at);
}
