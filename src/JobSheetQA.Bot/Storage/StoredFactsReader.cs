using JobSheetQA.Rules.Facts;

namespace JobSheetQA.Bot.Storage;

/// <summary>Reads what storage knows about a request to promote <c>commitSha</c> to <c>environment</c>, as Rules facts.</summary>
public sealed class StoredFactsReader(
    PromotionStore promotions,
    StagingVerificationStore verifications,
    WriteWindowStore writeWindows,
    PromotionLocks locks)
{
    /// <summary>
    /// Earlier finished runs and verifications of the same commit (any environment: production needs staging's, runbook §3),
    /// the target environment's current write windows (§4.3) and the promotion holding it (LOCK).
    /// </summary>
    public async Task<StoredFacts> ReadAsync(string environment, string commitSha, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        var prior = await promotions.CompletedForCommitAsync(commitSha, cancellationToken);
        var verified = await verifications.ForCommitAsync(commitSha, cancellationToken);
        var windows = await writeWindows.CurrentAsync(environment, now, cancellationToken);
        var holder = await locks.GetAsync(environment, cancellationToken);
        var inFlight = holder is null
            ? []
            : new[] { new PromotionInFlight(holder.PromotionId, holder.Environment, holder.HeldBy, holder.Since) };
        return new StoredFacts(prior, verified, windows, inFlight);
    }
}
