using JobSheetQA.Bot.Storage.Entities;
using JobSheetQA.Rules.Facts;
using Microsoft.EntityFrameworkCore;

namespace JobSheetQA.Bot.Storage;

/// <summary>Promotions and their gate results. Rows come back detached; changes go through <see cref="UpdateAsync"/> with the row version read.</summary>
public sealed class PromotionStore(IDbContextFactory<BotDbContext> contexts)
{
    /// <summary>States in which a promotion has finished its workflow run (evidence for STAGE-FIRST, runbook §3).</summary>
    public static readonly IReadOnlyList<PromotionState> RunFinishedStates = [PromotionState.Succeeded, PromotionState.Failed, PromotionState.Cancelled];

    /// <summary>States in which a promotion's workflow run is dispatched and not finished: the tracker follows these.</summary>
    public static readonly IReadOnlyList<PromotionState> RunInFlightStates = [PromotionState.Dispatched, PromotionState.Running];

    /// <summary>States of a promotion whose workflow run was dispatched (or that was cancelled): these have gate results to show.</summary>
    public static readonly IReadOnlyList<PromotionState> DispatchedStates = [.. RunInFlightStates, .. RunFinishedStates];

    public async Task AddAsync(PromotionEntity promotion, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        db.Promotions.Add(promotion);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>The promotion with its gate results, or null.</summary>
    public async Task<PromotionEntity?> FindAsync(string id, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Promotions.AsNoTracking().Include(p => p.GateResults).FirstOrDefaultAsync(p => p.Id == id, cancellationToken);
    }

    public async Task<PromotionEntity?> FindByCorrelationIdAsync(string correlationId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Promotions.AsNoTracking().Include(p => p.GateResults).FirstOrDefaultAsync(p => p.CorrelationId == correlationId, cancellationToken);
    }

    /// <summary>
    /// Applies <paramref name="change"/> if the promotion is still at <paramref name="expectedRowVersion"/>; the database
    /// checks the version too, so of two instances moving the same promotion only one wins.
    /// </summary>
    public async Task<PromotionUpdate> UpdateAsync(
        string id, int expectedRowVersion, Action<PromotionEntity> change, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var promotion = await db.Promotions.Include(p => p.GateResults).FirstOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (promotion is null)
            return new PromotionUpdate(PromotionUpdateStatus.NotFound);
        if (promotion.RowVersion != expectedRowVersion)
            return new PromotionUpdate(PromotionUpdateStatus.Conflict);

        change(promotion);
        promotion.UpdatedAt = now;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return new PromotionUpdate(PromotionUpdateStatus.Conflict);
        }

        return new PromotionUpdate(PromotionUpdateStatus.Updated, promotion);
    }

    /// <summary>Newest first, for <c>history [env]</c>.</summary>
    public async Task<IReadOnlyList<PromotionEntity>> RecentAsync(string? environment, int take, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var query = db.Promotions.AsNoTracking().Include(p => p.GateResults).AsQueryable();
        if (environment is not null)
            query = query.Where(p => p.Environment == environment);
        return await query.OrderByDescending(p => p.CreatedAt).ThenBy(p => p.Id).Take(take).ToListAsync(cancellationToken);
    }

    /// <summary>
    /// The newest promotion whose run reached the Parity Gate (passed or failed), optionally of a commit (a prefix of its
    /// lower-case SHA) or a run; for <c>parity [&lt;commit&gt;|&lt;run&gt;]</c>.
    /// </summary>
    public async Task<PromotionEntity?> LatestParityRunAsync(string? commitPrefix, long? runId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var query = db.Promotions.AsNoTracking().Include(p => p.GateResults)
            .Where(p => p.RunId != null)
            .Where(p => p.GateResults.Any(g => g.Step == PromotionStep.ParityGate && (g.Outcome == StepOutcome.Passed || g.Outcome == StepOutcome.Failed)));
        if (commitPrefix is not null)
            query = query.Where(p => p.CommitSha.StartsWith(commitPrefix));
        if (runId is not null)
            query = query.Where(p => p.RunId == runId);
        return await query.OrderByDescending(p => p.CreatedAt).ThenBy(p => p.Id).FirstOrDefaultAsync(cancellationToken);
    }

    /// <summary>Promotions in any of <paramref name="states"/>, oldest first: what a restarted instance must resume.</summary>
    public async Task<IReadOnlyList<PromotionEntity>> InStatesAsync(IReadOnlyCollection<PromotionState> states, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Promotions.AsNoTracking().Include(p => p.GateResults)
            .Where(p => states.Contains(p.State))
            .OrderBy(p => p.CreatedAt).ThenBy(p => p.Id)
            .ToListAsync(cancellationToken);
    }

    /// <summary>Records where one gate stands; the tracker calls this on every poll, so it overwrites.</summary>
    public async Task RecordGateResultAsync(
        string promotionId, PromotionStep step, StepOutcome outcome, string? jobUrl, DateTimeOffset? startedAt, DateTimeOffset? completedAt,
        CancellationToken cancellationToken = default)
    {
        for (var attempt = 0; ; attempt++)
        {
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            var gate = await db.GateResults.FirstOrDefaultAsync(g => g.PromotionId == promotionId && g.Step == step, cancellationToken);
            if (gate is null)
            {
                gate = new GateResultEntity { PromotionId = promotionId, Step = step };
                db.GateResults.Add(gate);
            }

            gate.Outcome = outcome;
            gate.JobUrl = jobUrl;
            gate.StartedAt = startedAt;
            gate.CompletedAt = completedAt;
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return;
            }
            catch (DbUpdateException exception) when (attempt == 0 && DatabaseErrors.IsUniqueViolation(exception))
            {
                // Two pollers added the same gate at once; the second round updates the row the first one inserted.
            }
        }
    }

    /// <summary>Every finished run of <paramref name="commitSha"/> in any environment, as the facts STAGE-FIRST reads (runbook §3).</summary>
    public async Task<IReadOnlyList<CompletedPromotion>> CompletedForCommitAsync(string commitSha, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await CompletedForCommitAsync(db, commitSha, cancellationToken);
    }

    /// <inheritdoc cref="CompletedForCommitAsync(string, CancellationToken)"/>
    internal static async Task<IReadOnlyList<CompletedPromotion>> CompletedForCommitAsync(BotDbContext db, string commitSha, CancellationToken cancellationToken)
    {
        var finished = await db.Promotions.AsNoTracking().Include(p => p.GateResults)
            .Where(p => p.CommitSha == commitSha && RunFinishedStates.Contains(p.State))
            .OrderBy(p => p.CreatedAt).ThenBy(p => p.Id)
            .ToListAsync(cancellationToken);
        return finished.Select(ToCompletedPromotion).ToList();
    }

    internal static CompletedPromotion ToCompletedPromotion(PromotionEntity promotion) => new(
        promotion.Id,
        promotion.Environment,
        promotion.CommitSha,
        // A run that built another commit is no evidence for the judged one (the tracker fails it; this holds regardless).
        promotion.State == PromotionState.Succeeded && promotion.RunBuiltJudgedCommit,
        promotion.GateResults.ToDictionary(g => g.Step, g => g.Outcome),
        promotion.SkipParity,
        promotion.CompletedAt ?? promotion.UpdatedAt);
}
