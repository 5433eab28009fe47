using JobSheetQA.Bot.Promotions.ProtectionRules;

namespace JobSheetQA.Bot.Jobs;

/// <summary>
/// Every minute, and once at start-up: nothing GitHub waits on is left unanswered (<see cref="PendingProtectionReviews.SweepAsync"/>).
/// </summary>
public sealed class ProtectionReviewSweepJob(PendingProtectionReviews reviews, ILogger<ProtectionReviewSweepJob> logger)
{
    public const string RecurringJobId = "protection-review-sweep";

    public Task RunAsync(CancellationToken cancellationToken) => SweepAsync(resume: false, cancellationToken);

    /// <param name="resume">True at start-up: every review no worker claimed is queued again, however recent.</param>
    /// <param name="cancellationToken">Stops the sweep.</param>
    public async Task SweepAsync(bool resume, CancellationToken cancellationToken)
    {
        var touched = await reviews.SweepAsync(resume, cancellationToken);
        if (touched > 0)
            JobsLog.ProtectionReviewsSwept(logger, touched);
    }
}
