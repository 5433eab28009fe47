using JobSheetQA.Bot.Storage.Entities;
using Microsoft.EntityFrameworkCore;

namespace JobSheetQA.Bot.Storage;

/// <summary>
/// Read-only questions about past promotions that chat answers ask: what is deployed where (<c>verify staging</c>),
/// and each environment's latest run with its gates (<c>readiness</c>, runbook §6.1).
/// </summary>
public sealed class PromotionHistory(IDbContextFactory<BotDbContext> contexts)
{
    /// <summary>The most recently finished successful promotion to <paramref name="environment"/>: the commit deployed there.</summary>
    public async Task<PromotionEntity?> LatestSucceededAsync(string environment, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Promotions.AsNoTracking().Include(p => p.GateResults)
            .Where(p => p.Environment == environment && p.State == PromotionState.Succeeded)
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
            .AnyAsync(p => p.Environment == environment && p.CommitSha == commitSha && p.State == PromotionState.Succeeded, cancellationToken);
    }
}
