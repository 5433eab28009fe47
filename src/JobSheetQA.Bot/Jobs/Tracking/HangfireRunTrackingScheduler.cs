using Hangfire;
using JobSheetQA.Bot.Promotions;

namespace JobSheetQA.Bot.Jobs.Tracking;

/// <summary>
/// <see cref="IRunTrackingScheduler"/> on Hangfire: starts a fresh polling chain for the promotion and enqueues its
/// first poll now. Only the promotion id travels with the job; everything else is read from storage when it runs.
/// </summary>
internal sealed class HangfireRunTrackingScheduler(IBackgroundJobClient jobs, TrackingChains chains) : IRunTrackingScheduler
{
    public void TrackSoon(string promotionId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(promotionId);
        // The token is stored before the job exists, so the job always finds itself current when it first runs.
        var token = chains.Start(promotionId);
        var jobId = jobs.Enqueue<RunTrackingJob>(job => job.PollAsync(promotionId, token, 0, CancellationToken.None));
        // Recorded so the reconciler can tell when Hangfire gave up on this job (TrackingReconcilerJob).
        chains.Attach(promotionId, token, jobId);
    }
}
