using Hangfire;
using JobSheetQA.Bot.Promotions.ProtectionRules;

namespace JobSheetQA.Bot.Jobs;

/// <summary><see cref="IProtectionReviewQueue"/> on Hangfire: enqueues <see cref="ProtectionReviewJob"/> with the review's id only.</summary>
internal sealed class HangfireProtectionReviewQueue(IBackgroundJobClient jobs) : IProtectionReviewQueue
{
    public void ReviewSoon(long pendingReviewId) =>
        jobs.Enqueue<ProtectionReviewJob>(job => job.ReviewAsync(pendingReviewId, CancellationToken.None));
}
