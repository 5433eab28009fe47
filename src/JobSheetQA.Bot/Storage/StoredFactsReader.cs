using JobSheetQA.Rules.Facts;

namespace JobSheetQA.Bot.Storage;

/// <summary>Reads what storage knows about a request to promote <c>commitSha</c> to <c>environment</c>, as Rules facts.</summary>
public sealed class StoredFactsReader(
    PromotionStore promotions,
    StagingVerificationStore verifications,
    WriteWindowStore writeWindows,
    PromotionLocks locks,
    PostureChecklistStore checklists)
{
    /// <summary>
    /// Earlier finished runs and verifications of the same commit (any environment: production needs staging's, runbook §3),
    /// the target environment's current write windows (§4.3), the promotion holding it (LOCK) and the posture checklist
    /// the requester answered for <paramref name="promotionId"/> before dispatch (§4.2, POSTURE-CHECKLIST).
    /// </summary>
    public async Task<StoredFacts> ReadAsync(string environment, string commitSha, DateTimeOffset now, CancellationToken cancellationToken = default, string? promotionId = null)
    {
        var prior = await promotions.CompletedForCommitAsync(commitSha, cancellationToken);
        var verified = await verifications.ForCommitAsync(commitSha, cancellationToken);
        var windows = await writeWindows.CurrentAsync(environment, now, cancellationToken);
        var holder = await locks.GetAsync(environment, cancellationToken);
        var inFlight = holder is null
            ? []
            : new[] { new PromotionInFlight(holder.PromotionId, holder.Environment, holder.HeldBy, holder.Since) };
        var checklist = promotionId is null ? null : await checklists.ForPromotionAsync(promotionId, PostureChecklistStage.BeforeDispatch, cancellationToken);
        var answers = checklist is null
            ? []
            : new[] { new PostureChecklistAnswer(checklist.PromotionId, checklist.DatabaseReadOnly, checklist.NoDestructiveOperationsScheduled, checklist.MonitoringAlertsConfigured, checklist.RecordedBy) };
        return new StoredFacts(prior, verified, windows, inFlight) { PostureChecklists = answers };
    }
}
