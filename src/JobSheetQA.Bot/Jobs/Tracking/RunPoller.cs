using JobSheetQA.Bot.Promotions;
using JobSheetQA.Bot.Storage;

namespace JobSheetQA.Bot.Jobs.Tracking;

/// <summary>
/// One look at a promotion's workflow run: read it (<see cref="RunReader"/>), apply it to the promotion
/// (<see cref="RunStateApplier"/>), report it (<see cref="RunReporter"/>). Every step is safe to repeat.
/// </summary>
public sealed class RunPoller(PromotionStore promotions, RunReader reader, RunStateApplier applier, RunReporter reporter)
{
    public async Task<PollOutcome> PollOnceAsync(string promotionId, CancellationToken cancellationToken)
    {
        var promotion = await promotions.FindAsync(promotionId, cancellationToken);
        if (promotion is null || !PromotionStore.DispatchedStates.Contains(promotion.State))
            return PollOutcome.Done;
        if (PromotionLifecycle.IsFinal(promotion.State))
            return await reporter.ReportFinishedAsync(promotion, cancellationToken);

        var observation = await reader.ReadAsync(promotion, cancellationToken);
        var applied = await applier.ApplyAsync(promotion, observation, cancellationToken);
        if (observation is RunUnreadable unreadable)
            return PollOutcome.Failed(unreadable.Error);
        if (observation is RunMissing missing && applied is not null && !PromotionLifecycle.IsFinal(applied.State))
            return PollOutcome.Failed(missing.Error);
        if (applied is null)
            return PollOutcome.Again;
        return PromotionLifecycle.IsFinal(applied.State)
            ? await reporter.ReportFinishedAsync(applied, cancellationToken)
            : await reporter.ReportInFlightAsync(applied, observation, cancellationToken);
    }
}
