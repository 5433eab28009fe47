using JobSheetQA.Bot.Storage.Entities;
using Microsoft.EntityFrameworkCore;

namespace JobSheetQA.Bot.Storage;

/// <summary>
/// One promotion in flight per environment (rule LOCK). The environment is the lock table's primary key, so the
/// database decides between instances racing for it; losing the race is a result, not an error.
/// </summary>
public sealed class PromotionLocks(IDbContextFactory<BotDbContext> contexts)
{
    // A holder can release between our failed insert and the re-read; a few rounds settle any real race.
    private const int Attempts = 5;

    /// <summary>Takes the environment for <paramref name="promotionId"/>. Asking again for the same promotion succeeds and keeps the original time.</summary>
    public async Task<LockAcquisition> TryAcquireAsync(
        string environment, string promotionId, string heldBy, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        for (var attempt = 0; attempt < Attempts; attempt++)
        {
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            var existing = await db.EnvironmentLocks.AsNoTracking()
                .FirstOrDefaultAsync(l => l.Environment == environment, cancellationToken);
            if (existing is not null)
                return new LockAcquisition(existing.PromotionId == promotionId, ToLock(existing));

            var candidate = new EnvironmentLockEntity { Environment = environment, PromotionId = promotionId, HeldBy = heldBy, Since = now };
            db.EnvironmentLocks.Add(candidate);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return new LockAcquisition(true, ToLock(candidate));
            }
            catch (DbUpdateException exception) when (DatabaseErrors.IsUniqueViolation(exception))
            {
                // Another instance inserted first; read who it was on the next round.
            }
        }

        throw new InvalidOperationException($"The lock on {environment} changed hands {Attempts} times while acquiring it.");
    }

    /// <summary>Frees the environment, but only for its holder; returns false when <paramref name="promotionId"/> did not hold it.</summary>
    public async Task<bool> ReleaseAsync(string environment, string promotionId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        using var writer = await db.EnterWriterAsync(cancellationToken);
        var released = await db.EnvironmentLocks
            .Where(l => l.Environment == environment && l.PromotionId == promotionId)
            .ExecuteDeleteAsync(cancellationToken);
        return released > 0;
    }

    public async Task<EnvironmentLock?> GetAsync(string environment, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await GetAsync(db, environment, cancellationToken);
    }

    /// <inheritdoc cref="GetAsync(string, CancellationToken)"/>
    internal static async Task<EnvironmentLock?> GetAsync(BotDbContext db, string environment, CancellationToken cancellationToken)
    {
        var held = await db.EnvironmentLocks.AsNoTracking().FirstOrDefaultAsync(l => l.Environment == environment, cancellationToken);
        return held is null ? null : ToLock(held);
    }

    /// <summary>Every held environment, for the <c>locks</c>/<c>status</c> commands and for reconciliation after a restart.</summary>
    public async Task<IReadOnlyList<EnvironmentLock>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var held = await db.EnvironmentLocks.AsNoTracking().OrderBy(l => l.Environment).ToListAsync(cancellationToken);
        return held.Select(ToLock).ToList();
    }

    private static EnvironmentLock ToLock(EnvironmentLockEntity entity) =>
        new(entity.Environment, entity.PromotionId, entity.HeldBy, entity.Since);
}
