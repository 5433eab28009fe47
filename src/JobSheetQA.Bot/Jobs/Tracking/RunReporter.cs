using JobSheetQA.Bot.Promotions.Reports;
using JobSheetQA.Bot.Storage;
using JobSheetQA.Bot.Storage.Entities;
using JobSheetQA.Rules.Policy;
using Microsoft.Extensions.Options;

namespace JobSheetQA.Bot.Jobs.Tracking;

/// <summary>
/// Decides what is reported after a poll (<see cref="IPromotionReports"/>): the progress of a run in flight, a queue
/// longer than <c>Tracking:QueuedNoticeAfter</c>, pending environment reviews, and for a finished promotion its finish
/// (with whether the posture checklist is owed), again on every poll until delivered or, ten minutes past completion,
/// given up. How each report is worded and who hears it is the chat module's.
/// </summary>
public sealed class RunReporter(
    IPromotionReports reports,
    ParityViolationReader parity,
    PromotionPolicy policy,
    IOptions<TrackingOptions> options,
    TimeProvider time,
    ILogger<RunReporter> logger)
{
    // After this long past completion, posts that keep failing are given up rather than retried for ever.
    private static readonly TimeSpan GiveUpAfter = TimeSpan.FromMinutes(10);

    /// <summary>Reports a finished promotion; done when everything was delivered (or given up on).</summary>
    public async Task<PollOutcome> ReportFinishedAsync(PromotionEntity promotion, CancellationToken cancellationToken)
    {
        var lastChance = time.GetUtcNow() - (promotion.CompletedAt ?? promotion.UpdatedAt) > GiveUpAfter;
        var postureChecklistOwed = promotion.State == PromotionState.Succeeded && policy.HasReadOnlyPosture(promotion.Environment);
        var finished = new PromotionFinished(
            promotion, Findings(promotion, lastChance), options.Value.RunNotFoundAfter, postureChecklistOwed, RunNotProven.Of(promotion, options.Value.RunGoneAfter));
        if (await reports.ReportAsync(finished, cancellationToken))
            return PollOutcome.Done;
        if (!lastChance)
            return PollOutcome.Again;

        JobsLog.GivingUpOnPosts(logger, promotion.Id);
        return PollOutcome.Done;
    }

    /// <summary>Reports a promotion whose run is in flight; the chain always goes on (a run not found yet has nothing to show).</summary>
    public async Task<PollOutcome> ReportInFlightAsync(PromotionEntity promotion, RunObservation observation, CancellationToken cancellationToken)
    {
        if (observation is not RunSeen seen)
            return PollOutcome.Again;

        // What is not delivered now is reported again by the next poll: its posts' idempotency keys stay open.
        await reports.ReportAsync(new PromotionProgressed(promotion, Findings(promotion, lastChance: false)), cancellationToken);

        if (seen.Run.Status is "queued" or "requested" or "pending")
        {
            var queuedFor = time.GetUtcNow() - seen.Run.CreatedAt;
            if (queuedFor >= options.Value.QueuedNoticeAfter)
                await reports.ReportAsync(new RunStillQueued(promotion, queuedFor), cancellationToken);
            return PollOutcome.Again;
        }

        if (seen.Reviews is not { } reviews)
            return PollOutcome.Again;
        if (!reviews.Succeeded)
            return PollOutcome.Failed(reviews.Error);
        foreach (var review in reviews.Value)
            await reports.ReportAsync(new RunAwaitingReview(promotion, review), cancellationToken);
        return PollOutcome.Again;
    }

    private ParityFindingsOnce Findings(PromotionEntity promotion, bool lastChance) =>
        new(cancellationToken => parity.ReadAsync(promotion, cancellationToken), lastChance);
}
