using System.Collections.Concurrent;
using JobSheetQA.Bot.Storage.Entities;
using Microsoft.EntityFrameworkCore;

namespace JobSheetQA.Bot.Storage;

/// <summary>Conversation references (where to post later) and the conversations subscribed to notifications.</summary>
public sealed class ConversationStore(IDbContextFactory<BotDbContext> contexts)
{
    /// <summary>How long a reference this process wrote is trusted to be in the database unchanged; after that the next
    /// turn writes it again (another instance may have forgotten the conversation meanwhile).</summary>
    public static readonly TimeSpan WrittenReferenceTrust = TimeSpan.FromMinutes(5);

    private const int MaxRemembered = 10_000;

    // (channel, conversation id) → what was last written and its row id: a turn in a known conversation writes nothing.
    private readonly ConcurrentDictionary<(string Channel, string ConversationId), Written> written = new();

    /// <summary>Saves the latest details of a conversation, keyed by (channel, conversation id); returns its id. Written
    /// only when they changed (or were last written more than <see cref="WrittenReferenceTrust"/> ago), so the turn path
    /// does not queue for the database writer on every message.</summary>
    public async Task<long> UpsertReferenceAsync(ConversationReferenceEntity reference, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        var key = (reference.Channel, reference.ConversationId);
        var details = Details.Of(reference);
        if (written.TryGetValue(key, out var known) && known.Details == details && now - known.At < WrittenReferenceTrust && now >= known.At)
            return known.Id;

        var id = await WriteReferenceAsync(reference, now, cancellationToken);
        if (written.Count >= MaxRemembered)
            written.Clear();
        written[key] = new Written(id, details, now);
        return id;
    }

    private async Task<long> WriteReferenceAsync(ConversationReferenceEntity reference, DateTimeOffset now, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            var stored = await db.ConversationReferences
                .FirstOrDefaultAsync(r => r.Channel == reference.Channel && r.ConversationId == reference.ConversationId, cancellationToken);
            if (stored is null)
            {
                stored = new ConversationReferenceEntity { Channel = reference.Channel, ConversationId = reference.ConversationId };
                db.ConversationReferences.Add(stored);
            }

            stored.ServiceUrl = reference.ServiceUrl;
            stored.TeamId = reference.TeamId;
            stored.ChannelId = reference.ChannelId;
            stored.TenantId = reference.TenantId;
            stored.BotId = reference.BotId;
            stored.UserId = reference.UserId;
            stored.ThreadId = reference.ThreadId;
            stored.UpdatedAt = now;
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return stored.Id;
            }
            catch (DbUpdateException exception) when (attempt == 0 && DatabaseErrors.IsUniqueViolation(exception))
            {
                // The same conversation was first seen on two instances at once; update the row the other one made.
            }
        }
    }

    public async Task<ConversationReferenceEntity?> FindReferenceAsync(long id, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.ConversationReferences.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, cancellationToken);
    }

    public async Task<ConversationReferenceEntity?> FindReferenceAsync(string channel, string conversationId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.ConversationReferences.AsNoTracking()
            .FirstOrDefaultAsync(r => r.Channel == channel && r.ConversationId == conversationId, cancellationToken);
    }

    /// <summary>
    /// Forgets a conversation the bot was removed from (uninstalled, or taken out of a team): the reference, every thread
    /// reference below it (<c>{id};messageid=…</c> for Teams channel threads) and, by cascade, their subscriptions.
    /// Later posts into them are undeliverable instead of failing at the platform. Returns how many references went.
    /// </summary>
    public async Task<int> ForgetReferenceAsync(string channel, string conversationId, CancellationToken cancellationToken = default)
    {
        var threadPrefix = conversationId + ";messageid=";
        foreach (var key in written.Keys.Where(k => k.Channel == channel && (k.ConversationId == conversationId || k.ConversationId.StartsWith(threadPrefix, StringComparison.Ordinal))))
            written.TryRemove(key, out _);

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        using var writer = await db.EnterWriterAsync(cancellationToken);
        var ids = await db.ConversationReferences
            .Where(r => r.Channel == channel && (r.ConversationId == conversationId || r.ConversationId.StartsWith(threadPrefix)))
            .Select(r => r.Id)
            .ToListAsync(cancellationToken);
        if (ids.Count == 0)
            return 0;

        // Subscriptions cascade in the schema; deleted explicitly too so it holds however the rows were deleted.
        await db.Subscriptions.Where(s => ids.Contains(s.ConversationReferenceId)).ExecuteDeleteAsync(cancellationToken);
        return await db.ConversationReferences.Where(r => ids.Contains(r.Id)).ExecuteDeleteAsync(cancellationToken);
    }

    /// <summary>Subscribes a conversation (or changes whether it wants outcomes too); one subscription per conversation.</summary>
    public async Task SubscribeAsync(long conversationReferenceId, bool includeOutcomes, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        for (var attempt = 0; ; attempt++)
        {
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            var subscription = await db.Subscriptions.FirstOrDefaultAsync(s => s.ConversationReferenceId == conversationReferenceId, cancellationToken);
            if (subscription is null)
            {
                subscription = new SubscriptionEntity { ConversationReferenceId = conversationReferenceId, CreatedAt = now };
                db.Subscriptions.Add(subscription);
            }

            subscription.IncludeOutcomes = includeOutcomes;
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return;
            }
            catch (DbUpdateException exception) when (attempt == 0 && DatabaseErrors.IsUniqueViolation(exception))
            {
                // Subscribed concurrently; the second round updates it.
            }
        }
    }

    public async Task<bool> UnsubscribeAsync(long conversationReferenceId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        using var writer = await db.EnterWriterAsync(cancellationToken);
        return await db.Subscriptions.Where(s => s.ConversationReferenceId == conversationReferenceId).ExecuteDeleteAsync(cancellationToken) > 0;
    }

    /// <summary>Subscribed conversations with their references; <paramref name="outcomesOnly"/> keeps those that asked for outcomes as well as failures.</summary>
    public async Task<IReadOnlyList<SubscriptionEntity>> SubscriptionsAsync(bool outcomesOnly = false, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var query = db.Subscriptions.AsNoTracking().Include(s => s.ConversationReference).AsQueryable();
        if (outcomesOnly)
            query = query.Where(s => s.IncludeOutcomes);
        return await query.OrderBy(s => s.Id).ToListAsync(cancellationToken);
    }

    private sealed record Details(string? ServiceUrl, string? TeamId, string? ChannelId, string? TenantId, string? BotId, string? UserId, string? ThreadId)
    {
        public static Details Of(ConversationReferenceEntity r) => new(r.ServiceUrl, r.TeamId, r.ChannelId, r.TenantId, r.BotId, r.UserId, r.ThreadId);
    }

    private sealed record Written(long Id, Details Details, DateTimeOffset At);
}
