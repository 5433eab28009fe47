using JobSheetQA.Bot.Jobs.Tracking;
using JobSheetQA.Bot.Promotions;
using JobSheetQA.Bot.Storage;
using Microsoft.Extensions.Options;

namespace JobSheetQA.Bot.Jobs;

/// <summary>
/// Restart safety (docs/architecture.md, "Scale-out"): makes sure every in-flight promotion (Dispatched, Running) has a live polling chain.
/// At start-up it restarts all of them; on its schedule only those whose next poll is overdue (a lost or failed job).
/// </summary>
public sealed class TrackingReconcilerJob(
    PromotionStore promotions,
    IRunTrackingScheduler scheduler,
    TrackingChains chains,
    IOptions<TrackingOptions> options,
    TimeProvider time,
    ILogger<TrackingReconcilerJob> logger)
{
    public const string RecurringJobId = "tracking-reconciler";

    /// <summary>The scheduled run: revives chains whose next poll is well overdue.</summary>
    public Task RunAsync(CancellationToken cancellationToken) => ReconcileAsync(onlyOverdue: true, cancellationToken);

    /// <param name="onlyOverdue">False at start-up: every in-flight promotion is tracked afresh.</param>
    /// <param name="cancellationToken">Stops the sweep.</param>
    public async Task<int> ReconcileAsync(bool onlyOverdue, CancellationToken cancellationToken)
    {
        // Overdue: the next poll should have run a while ago, allowing for the longest backoff and a slow server.
        var grace = options.Value.MaxBackoff + options.Value.PollInterval + TimeSpan.FromMinutes(1);
        var now = time.GetUtcNow();
        var revived = 0;
        foreach (var promotion in await promotions.InStatesAsync(PromotionStore.RunInFlightStates, cancellationToken))
        {
            if (onlyOverdue && chains.NextDue(promotion.Id) is { } due && now - due < grace)
                continue;
            scheduler.TrackSoon(promotion.Id);
            revived++;
        }

        if (revived > 0)
            JobsLog.TrackingRevived(logger, revived);
        return revived;
    }
}
