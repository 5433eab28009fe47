using JobSheetQA.Bot.Storage.Entities;
using Microsoft.EntityFrameworkCore;

namespace JobSheetQA.Bot.Storage;

/// <summary>Remembers inbound chat events so a retried Slack event or a re-sent Teams activity is handled once (anchors §5 item 6).</summary>
public sealed class InboundDeduplicator(IDbContextFactory<BotDbContext> contexts)
{
    /// <summary>True the first time (channel, id) is seen, false for every repeat, even when repeats arrive at once on several instances.</summary>
    public async Task<bool> TryMarkProcessedAsync(string channel, string inboundId, DateTimeOffset receivedAt, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        db.ProcessedInbound.Add(new ProcessedInboundEntity { Channel = channel, InboundId = inboundId, ReceivedAt = receivedAt });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException exception) when (DatabaseErrors.IsUniqueViolation(exception))
        {
            return false;
        }
    }

    /// <summary>
    /// Forgets ids received before <paramref name="cutoff"/> (platforms stop retrying long before a day has passed), but
    /// not the id of an inbound turn still waiting to be handled.
    /// </summary>
    public async Task<int> PruneAsync(DateTimeOffset cutoff, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        using var writer = await db.EnterWriterAsync(cancellationToken);
        return await db.ProcessedInbound
            .Where(p => p.ReceivedAt < cutoff)
            .Where(p => !db.InboundTurns.Any(t => t.Channel == p.Channel && t.InboundId == p.InboundId
                && (t.State == InboundTurnState.Accepted || t.State == InboundTurnState.Processing)))
            .ExecuteDeleteAsync(cancellationToken);
    }
}
