using System.Collections.Concurrent;
using JobSheetQA.Rules.Facts;
using Microsoft.EntityFrameworkCore;

namespace JobSheetQA.Bot.Storage;

/// <summary>
/// Reads what storage knows about a request to promote <c>commitSha</c> to <c>environment</c>, as Rules facts: in one
/// context on one open connection (a decision's five reads, not five connections opened and set up).
/// </summary>
/// <remarks>
/// On SQLite, whose one process makes every write (<see cref="Jobs.SqliteInstanceLock"/>), facts read once are kept
/// for the next decision on the same request while no write that could change them has ended since
/// (<see cref="SqliteWriteFunnel.Generation"/>), no write window they list has ended, and for <see cref="KeptAtMost"/>. A dry run repeated at load
/// read them from the database every time (about a third of its storage cost, tests/load). PostgreSQL, which other
/// instances write to, reads every time.
/// </remarks>
public sealed class StoredFactsReader(IDbContextFactory<BotDbContext> contexts, SqliteWriteFunnel? funnel = null)
{
    /// <summary>Requests whose facts are kept; when more are asked for, all are forgotten and read again.</summary>
    public const int KeptRequests = 1024;

    /// <summary>
    /// The longest facts are kept even with no write: a bound on what an edit made outside the bot (the <c>sqlite3</c>
    /// shell, which the single-instance rule does not allow) could leave unseen.
    /// </summary>
    public static readonly TimeSpan KeptAtMost = TimeSpan.FromSeconds(5);

    private readonly ConcurrentDictionary<(string Environment, string CommitSha, string? PromotionId), Kept> kept = new();

    /// <summary>
    /// Earlier finished runs and verifications of the same commit (any environment: production needs staging's, runbook §3),
    /// the target environment's current write windows (§4.3), the promotion holding it (LOCK) and the posture checklist
    /// the requester answered for <paramref name="promotionId"/> before dispatch (§4.2, POSTURE-CHECKLIST; none is read
    /// without an id).
    /// </summary>
    public async Task<StoredFacts> ReadAsync(string environment, string commitSha, DateTimeOffset now, CancellationToken cancellationToken = default, string? promotionId = null)
    {
        if (funnel is null)
            return await ReadFromDatabaseAsync(environment, commitSha, now, promotionId, cancellationToken);

        var key = (environment, commitSha, promotionId);
        if (kept.TryGetValue(key, out var known) && known.Generation == funnel.Generation && known.ReadAt <= now && now < known.Until)
            return known.Facts;

        // Taken before the read: a write that ends during it moves the generation on, so what it read is not kept for long.
        var generation = funnel.Generation;
        var facts = await ReadFromDatabaseAsync(environment, commitSha, now, promotionId, cancellationToken);
        if (kept.Count >= KeptRequests)
            kept.Clear();
        // A window listed as current stops being current when it ends; one not listed never becomes current by time.
        var until = facts.WriteWindows.Select(w => w.EndsAt).Append(now + KeptAtMost).Min();
        kept[key] = new Kept(generation, now, until, facts);
        return facts;
    }

    private async Task<StoredFacts> ReadFromDatabaseAsync(string environment, string commitSha, DateTimeOffset now, string? promotionId, CancellationToken cancellationToken)
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

    /// <summary>Facts read at <paramref name="ReadAt"/> under <paramref name="Generation"/>, true until <paramref name="Until"/> by time.</summary>
    private sealed record Kept(long Generation, DateTimeOffset ReadAt, DateTimeOffset Until, StoredFacts Facts);
}
