using JobSheetQA.Bot.Promotions;
using JobSheetQA.Bot.Storage;

namespace JobSheetQA.Bot.GitHub.Webhooks;

/// <summary>
/// Turns a webhook about a workflow run into "look at this promotion now". It never changes a promotion itself:
/// REST stays the source of truth, and a missed or forged event changes nothing but timing.
/// </summary>
public sealed class WorkflowRunWaker(PromotionStore promotions, IRunTrackingScheduler scheduler, ILogger<WorkflowRunWaker> logger)
{
    /// <summary>Wakes the in-flight promotion the run belongs to, found by the correlation id in the run's title or by run id.</summary>
    /// <returns>The promotion woken; null when the run is none of ours (another workflow, a finished promotion).</returns>
    public async Task<string?> WakeAsync(long runId, string? displayTitle, CancellationToken cancellationToken)
    {
        string? promotionId = null;
        if (PromotionDispatch.CorrelationIdIn(displayTitle) is { } correlationId
            && await promotions.FindByCorrelationIdAsync(correlationId, cancellationToken) is { } byCorrelation
            && PromotionStore.RunInFlightStates.Contains(byCorrelation.State))
        {
            promotionId = byCorrelation.Id;
        }

        // Only a handful of promotions are in flight (one per environment): matching the run id among them is cheap.
        promotionId ??= (await promotions.InStatesAsync(PromotionStore.RunInFlightStates, cancellationToken)).FirstOrDefault(p => p.RunId == runId)?.Id;
        if (promotionId is null)
        {
            GitHubLog.WebhookRunNotInFlight(logger, runId);
            return null;
        }

        scheduler.TrackSoon(promotionId);
        return promotionId;
    }
}
