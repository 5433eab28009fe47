using Hangfire;
using JobSheetQA.Bot.Promotions.ProtectionRules;

namespace JobSheetQA.Bot.Jobs;

/// <summary>
/// Judges and answers one stored deployment protection review (<see cref="PendingProtectionReviews.ReviewAsync"/>). It
/// carries only the review's id; a second run, or one after a restart, finds the review claimed or answered and does nothing.
/// </summary>
public sealed class ProtectionReviewJob(PendingProtectionReviews reviews)
{
    // No retries: judging fails closed by itself, and the sweep answers whatever a dead worker left.
    [AutomaticRetry(Attempts = 0)]
    public Task ReviewAsync(long pendingReviewId, CancellationToken cancellationToken) => reviews.ReviewAsync(pendingReviewId, cancellationToken);
}
