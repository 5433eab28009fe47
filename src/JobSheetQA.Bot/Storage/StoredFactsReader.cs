using JobSheetQA.Rules.Facts;
using Microsoft.EntityFrameworkCore;

namespace JobSheetQA.Bot.Storage;

/// <summary>
/// Reads what storage knows about a request to promote <c>commitSha</c> to <c>environment</c>, as Rules facts: in one
/// context on one open connection (a decision's five reads, not five connections opened and set up).
/// </summary>
public sealed class StoredFactsReader(IDbContextFactory<BotDbContext> contexts)
{
    /// <summary>
    /// Earlier finished runs and verifications of the same commit (any environment: production needs staging's, runbook §3),
    /// the target environment's current write windows (§4.3), the promotion holding it (LOCK) and the posture checklist
    /// the requester answered for <paramref name="promotionId"/> before dispatch (§4.2, POSTURE-CHECKLIST; none is read
    /// without an id).
    /// </summary>
    public async Task<StoredFacts> ReadAsync(string environment, string commitSha, DateTimeOffset now, CancellationToken cancellationToken = default, string? promotionId = null)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        await db.Database.OpenConnectionAsync(cancellationToken);
        var prior = await PromotionStore.CompletedForCommitAsync(db, commitSha, cancellationToken);
        var verified = await StagingVerificationStore.ForCommitAsync(db, commitSha, cancellationToken);
        var windows = await WriteWindowStore.CurrentAsync(db, environment, now, cancellationToken);
        var holder = await PromotionLocks.GetAsync(db, environment, cancellationToken);
        var inFlight = holder is null
            ? []
            : new[] { new PromotionInFlight(holder.PromotionId, holder.Environment, holder.HeldBy, holder.Since) };
        var checklist = promotionId is null ? null : await PostureChecklistStore.ForPromotionAsync(db, promotionId, PostureChecklistStage.BeforeDispatch, cancellationToken);
        var answers = checklist is null
            ? []
            : new[] { new PostureChecklistAnswer(checklist.PromotionId, checklist.DatabaseReadOnly, checklist.NoDestructiveOperationsScheduled, checklist.MonitoringAlertsConfigured, checklist.RecordedBy) };
        return new StoredFacts(prior, verified, windows, inFlight) { PostureChecklists = answers };
    }
}
