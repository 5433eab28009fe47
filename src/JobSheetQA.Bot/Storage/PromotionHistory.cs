using System.Linq.Expressions;
using JobSheetQA.Bot.Storage.Entities;
using Microsoft.EntityFrameworkCore;

namespace JobSheetQA.Bot.Storage;

/// <summary>
/// Read-only questions about past promotions that chat answers ask: what is deployed where (<c>verify staging</c>),
/// and each environment's latest run with its gates (<c>readiness</c>, runbook §6.1).
/// </summary>
public sealed class PromotionHistory(IDbContextFactory<BotDbContext> contexts)
{
    // Only the commit a run built is ever deployed: a run that built another than the judged one counts for neither.
    private static readonly Expression<Func<PromotionEntity, bool>> BuiltJudgedCommit =
        p => p.RunHeadSha == null || p.RunHeadSha.ToLower() == p.CommitSha.ToLower();

    /// <summary>The most recently finished successful promotion to <paramref name="environment"/>: the commit deployed there.</summary>
    public async Task<PromotionEntity?> LatestSucceededAsync(string environment, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Promotions.AsNoTracking().Include(p => p.GateResults)
            .Where(p => p.Environment == environment && p.State == PromotionState.Succeeded)
            .Where(BuiltJudgedCommit)
            .OrderByDescending(p => p.CompletedAt ?? p.UpdatedAt).ThenByDescending(p => p.CreatedAt).ThenBy(p => p.Id)
            .FirstOrDefaultAsync(cancellationToken);
    }

    /// <summary>The newest dispatched promotion to <paramref name="environment"/> (running or finished), with its gates.</summary>
    public async Task<PromotionEntity?> LatestDispatchedAsync(string environment, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Promotions.AsNoTracking().Include(p => p.GateResults)
            .Where(p => p.Environment == environment && PromotionStore.DispatchedStates.Contains(p.State))
            .OrderByDescending(p => p.CreatedAt).ThenBy(p => p.Id)
            .FirstOrDefaultAsync(cancellationToken);
    }

    /// <summary>True when <paramref name="commitSha"/> has a successful promotion to <paramref name="environment"/>.</summary>
    public async Task<bool> HasSucceededAsync(string environment, string commitSha, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Promotions.AsNoTracking()
            .Where(p => p.Environment == environment && p.CommitSha == commitSha && p.State == PromotionState.Succeeded)
            .AnyAsync(BuiltJudgedCommit, cancellationToken);
    }
}
