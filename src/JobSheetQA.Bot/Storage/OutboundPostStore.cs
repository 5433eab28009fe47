using JobSheetQA.Bot.Storage.Entities;
using Microsoft.EntityFrameworkCore;

namespace JobSheetQA.Bot.Storage;

/// <summary>
/// The ledger of posts (table <c>outbound_posts</c>): a post is reserved by key before it is sent and completed with the
/// platform's message id after, so a retried job or a restarted instance never posts the same thing twice.
/// </summary>
public sealed class OutboundPostStore(IDbContextFactory<BotDbContext> contexts)
{
    /// <summary>Reserves <paramref name="idempotencyKey"/>; exactly one caller ever gets <see cref="OutboundReservationStatus.Reserved"/>.</summary>
    public async Task<OutboundReservation> TryReserveAsync(
        string idempotencyKey, string kind, string? promotionId, long? conversationReferenceId, DateTimeOffset now,
        CancellationToken cancellationToken = default)
    {
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken))
        {
            db.OutboundPosts.Add(new OutboundPostEntity
            {
                IdempotencyKey = idempotencyKey,
                Kind = kind,
                PromotionId = promotionId,
                ConversationReferenceId = conversationReferenceId,
                ReservedAt = now,
            });
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return new OutboundReservation(OutboundReservationStatus.Reserved);
            }
            catch (DbUpdateException exception) when (DatabaseErrors.IsUniqueViolation(exception))
            {
                // Reserved before: say whether it was posted.
            }
        }

        var existing = await FindAsync(idempotencyKey, cancellationToken);
        return existing?.PostedAt is not null
            ? new OutboundReservation(OutboundReservationStatus.AlreadyPosted, existing.PostedMessageId)
            : new OutboundReservation(OutboundReservationStatus.InProgress);
    }

    /// <summary>Records the posted message id; false when the key was not reserved or was completed already.</summary>
    public async Task<bool> CompleteAsync(string idempotencyKey, string postedMessageId, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        using var writer = await db.EnterWriterAsync(cancellationToken);
        var updated = await db.OutboundPosts
            .Where(p => p.IdempotencyKey == idempotencyKey && p.PostedAt == null)
            .ExecuteUpdateAsync(set => set.SetProperty(p => p.PostedMessageId, postedMessageId).SetProperty(p => p.PostedAt, now), cancellationToken);
        return updated > 0;
    }

    /// <summary>Gives a reservation back after the post definitely failed, so a retry may post; a completed post is never released.</summary>
    public async Task<bool> ReleaseAsync(string idempotencyKey, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        using var writer = await db.EnterWriterAsync(cancellationToken);
        var deleted = await db.OutboundPosts
            .Where(p => p.IdempotencyKey == idempotencyKey && p.PostedAt == null)
            .ExecuteDeleteAsync(cancellationToken);
        return deleted > 0;
    }

    /// <summary>The posts made (not only reserved) about a promotion.</summary>
    public async Task<IReadOnlyList<OutboundPostEntity>> PostedAboutAsync(string promotionId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.OutboundPosts.AsNoTracking()
            .Where(p => p.PromotionId == promotionId && p.PostedAt != null)
            .ToListAsync(cancellationToken);
    }

    public async Task<OutboundPostEntity?> FindAsync(string idempotencyKey, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.OutboundPosts.AsNoTracking().FirstOrDefaultAsync(p => p.IdempotencyKey == idempotencyKey, cancellationToken);
    }
}
