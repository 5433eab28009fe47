using JobSheetQA.Bot.Storage.Entities;
using Microsoft.EntityFrameworkCore;

namespace JobSheetQA.Bot.Storage;

/// <summary>The append-only audit log. There is no update or delete here, and <see cref="BotDbContext"/> refuses to save one.</summary>
public sealed class AuditLog(IDbContextFactory<BotDbContext> contexts, SqliteTurnWrites? sqlite = null)
{
    /// <summary>Appends <paramref name="entry"/>; on SQLite committed with other turns' writes (<see cref="SqliteTurnWrites"/>).</summary>
    public async Task AppendAsync(AuditEntry entry, CancellationToken cancellationToken = default)
    {
        if (sqlite is not null)
        {
            await sqlite.AppendAuditAsync(entry);
            return;
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        db.AuditLog.Add(new AuditEntryEntity
        {
            At = entry.At,
            Actor = entry.Actor.Name,
            ActorId = entry.Actor.Id,
            Action = entry.Action,
            PromotionId = entry.PromotionId,
            Environment = entry.Environment,
            Details = entry.Details,
        });
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Entries in the order they were written, optionally for one promotion or environment.</summary>
    public async Task<IReadOnlyList<AuditEntry>> ReadAsync(
        string? promotionId = null, string? environment = null, int take = 200, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var query = db.AuditLog.AsNoTracking();
        if (promotionId is not null)
            query = query.Where(e => e.PromotionId == promotionId);
        if (environment is not null)
            query = query.Where(e => e.Environment == environment);
        var rows = await query.OrderBy(e => e.Id).Take(take).ToListAsync(cancellationToken);
        return rows.Select(e => new AuditEntry(e.At, new Actor(e.ActorId ?? "", e.Actor), e.Action, e.PromotionId, e.Environment, e.Details)).ToList();
    }
}
