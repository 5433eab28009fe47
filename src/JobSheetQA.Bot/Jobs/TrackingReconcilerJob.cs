using JobSheetQA.Bot.Jobs.Tracking;
using JobSheetQA.Bot.Promotions;
using JobSheetQA.Bot.Storage;
using Microsoft.Extensions.Options;

namespace JobSheetQA.Bot.Jobs;

/// <summary>
/// Restart safety and self-repair (docs/architecture.md, "Scale-out"): makes sure every promotion still being tracked
/// has a live polling chain. That is every in-flight promotion (Dispatched, Running), and every finished one whose chain
/// has not ended yet (its outcome or notices are still owed). At start-up it restarts all of them; on its schedule
/// those whose chain is gone (none, or its job failed after Hangfire's retries, was deleted or expired) or overdue.
/// Reviving is idempotent: a new chain replaces the old one's token, so at most one chain keeps polling.
/// </summary>
public sealed class TrackingReconcilerJob(
    PromotionStore promotions,
    IRunTrackingScheduler scheduler,
    TrackingChains chains,
    IOptions<TrackingOptions> options,
    ILogger<TrackingReconcilerJob> logger)
{
    public const string RecurringJobId = "tracking-reconciler";

    /// <summary>The scheduled run: revives chains that are gone or well overdue.</summary>
    public Task RunAsync(CancellationToken cancellationToken) => ReconcileAsync(onlyOverdue: true, cancellationToken);

    /// <param name="onlyOverdue">False at start-up: every tracked promotion is tracked afresh.</param>
    /// <param name="cancellationToken">Stops the sweep.</param>
    /// <returns>How many promotions got a new chain.</returns>
    public async Task<int> ReconcileAsync(bool onlyOverdue, CancellationToken cancellationToken)
    {
        // Overdue: the next poll should have run a while ago, allowing for the longest backoff and a slow server.
        var grace = options.Value.MaxBackoff + options.Value.PollInterval + TimeSpan.FromMinutes(1);
        var inFlight = (await promotions.InStatesAsync(PromotionStore.RunInFlightStates, cancellationToken)).Select(p => p.Id).ToHashSet();
        var revived = 0;
        foreach (var id in inFlight.Union(chains.Tracked()))
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (onlyOverdue && chains.Health(id, grace) == ChainHealth.Alive)
                continue;
            // A finished promotion whose chain went (or never was) has nothing left to track.
            if (!inFlight.Contains(id) && !await StillTrackedAsync(id, cancellationToken))
                continue;
            scheduler.TrackSoon(id);
            revived++;
        }

        if (revived > 0)
            JobsLog.TrackingRevived(logger, revived);
        return revived;
    }

    private async Task<bool> StillTrackedAsync(string promotionId, CancellationToken cancellationToken)
    {
        if (await promotions.FindAsync(promotionId, cancellationToken) is { } promotion && PromotionStore.DispatchedStates.Contains(promotion.State))
            return true;
        chains.End(promotionId);
        return false;
    }
}
