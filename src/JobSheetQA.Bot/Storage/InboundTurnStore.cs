using JobSheetQA.Bot.Storage.Entities;
using Microsoft.EntityFrameworkCore;

namespace JobSheetQA.Bot.Storage;

/// <summary>
/// The durable inbound queue (docs/architecture.md, data flow step 1): a turn is accepted (stored with its
/// <c>processed_inbound</c> rows, so a redelivery is refused by the database) before the platform is answered, then
/// claimed by a worker, finished, or tried again. Claims are conditional updates, so of several workers or instances
/// racing for a turn exactly one gets it; a conversation's turns are claimed one at a time, oldest first. On SQLite a
/// turn's own writes (accepted, claimed, done) go through <see cref="SqliteTurnWrites"/>, committed with other turns'.
/// </summary>
public sealed class InboundTurnStore(IDbContextFactory<BotDbContext> contexts, SqliteTurnWrites? sqlite = null)
{
    /// <summary>The new turn's id, or null when one of its ids was accepted before (a redelivery).</summary>
    public async Task<long?> AcceptAsync(InboundTurnAcceptance acceptance, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        if (sqlite is not null)
            return await sqlite.AcceptAsync(acceptance, now);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        foreach (var id in acceptance.Ids)
            db.ProcessedInbound.Add(new ProcessedInboundEntity { Channel = acceptance.Channel, InboundId = id, ReceivedAt = now });
        var turn = new InboundTurnEntity
        {
            Channel = acceptance.Channel,
            InboundId = acceptance.InboundId,
            ConversationKey = acceptance.ConversationKey,
            Payload = acceptance.Payload,
            State = InboundTurnState.Accepted,
            AcceptedAt = now,
            NextAttemptAt = now,
        };
        db.InboundTurns.Add(turn);
        try
        {
            // One SaveChanges is one transaction: the de-duplication rows and the turn are stored together or not at all.
            await db.SaveChangesAsync(cancellationToken);
            return turn.Id;
        }
        catch (DbUpdateException exception) when (DatabaseErrors.IsUniqueViolation(exception))
        {
            return null;
        }
    }

    /// <summary>
    /// True where <see cref="AcceptAndClaimAsync"/> is one write (SQLite, one instance): only there does the inbound
    /// queue claim a turn as it stores it. With several instances (PostgreSQL), a turn stays unclaimed until a worker
    /// takes it, so an idle instance can take what a busy one accepted.
    /// </summary>
    public bool AcceptsAndClaimsInOneWrite => sqlite is not null;

    /// <summary>
    /// Accepts the turn as <see cref="AcceptAsync"/> does and claims it for <paramref name="owner"/> as
    /// <see cref="TryClaimAcceptedAsync"/> does (Claimed false when an earlier turn of its conversation is unfinished); null
    /// for a redelivery. On SQLite both are one write, so the turn is never seen unclaimed; elsewhere they are two.
    /// </summary>
    public async Task<AcceptedTurn?> AcceptAndClaimAsync(
        InboundTurnAcceptance acceptance, DateTimeOffset now, string owner, TimeSpan lease, CancellationToken cancellationToken = default)
    {
        if (sqlite is not null)
            return await sqlite.AcceptAndClaimAsync(acceptance, now, owner, lease);
        if (await AcceptAsync(acceptance, now, cancellationToken) is not { } id)
            return null;
        return new AcceptedTurn(id, await TryClaimAcceptedAsync(id, owner, now, lease, cancellationToken));
    }

    /// <summary>Turns of <paramref name="channel"/> accepted and not yet claimed (a bound on what may wait).</summary>
    public async Task<int> CountWaitingAsync(string channel, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.InboundTurns.CountAsync(t => t.Channel == channel && t.State == InboundTurnState.Accepted, cancellationToken);
    }

    /// <summary>
    /// Claims the oldest turn that is due and first in its conversation (accepted, or processing under a lapsed claim),
    /// for <paramref name="owner"/> until <paramref name="now"/> + <paramref name="lease"/>; null when none is.
    /// </summary>
    public async Task<InboundTurnEntity?> TryClaimNextAsync(string owner, DateTimeOffset now, TimeSpan lease, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        // A few rounds: a worker elsewhere may take the candidate between the read and the conditional update.
        for (var round = 0; round < 8; round++)
        {
            var candidate = await FirstInConversation(db, db.InboundTurns.AsNoTracking()
                .Where(t => (t.State == InboundTurnState.Accepted && t.NextAttemptAt <= now)
                    || (t.State == InboundTurnState.Processing && t.LeaseUntil < now)))
                .OrderBy(t => t.Id)
                .Select(t => new { t.Id, t.State, t.Attempts })
                .FirstOrDefaultAsync(cancellationToken);
            if (candidate is null)
                return null;

            // Guarded by what was read: state and attempt count change with every claim, so only one claim matches.
            int claimed;
            using (await db.EnterWriterAsync(cancellationToken, changesDecisionFacts: false))
            {
                claimed = await db.InboundTurns
                    .Where(t => t.Id == candidate.Id && t.State == candidate.State && t.Attempts == candidate.Attempts)
                    .ExecuteUpdateAsync(set => set
                        .SetProperty(t => t.State, InboundTurnState.Processing)
                        .SetProperty(t => t.Attempts, candidate.Attempts + 1)
                        .SetProperty(t => t.LeaseOwner, owner)
                        .SetProperty(t => t.LeaseUntil, now + lease), cancellationToken);
            }

            if (claimed == 1)
                return await db.InboundTurns.AsNoTracking().SingleAsync(t => t.Id == candidate.Id, cancellationToken);
        }

        return null;
    }

    /// <summary>
    /// Claims the turn <paramref name="id"/> this process has just accepted, in one conditional update: only while it is
    /// still on its first attempt, unclaimed, and first in its conversation. False when it is not (an earlier turn of the
    /// conversation is unfinished, or another worker took it): <see cref="TryClaimNextAsync"/> finds it later.
    /// </summary>
    public async Task<bool> TryClaimAcceptedAsync(long id, string owner, DateTimeOffset now, TimeSpan lease, CancellationToken cancellationToken = default)
    {
        if (sqlite is not null)
            return await sqlite.TryClaimAcceptedAsync(id, owner, now, lease);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        using var writer = await db.EnterWriterAsync(cancellationToken, changesDecisionFacts: false);
        return await FirstInConversation(db, db.InboundTurns
                .Where(t => t.Id == id && t.State == InboundTurnState.Accepted && t.Attempts == 0))
            .ExecuteUpdateAsync(set => set
                .SetProperty(t => t.State, InboundTurnState.Processing)
                .SetProperty(t => t.Attempts, 1)
                .SetProperty(t => t.LeaseOwner, owner)
                .SetProperty(t => t.LeaseUntil, now + lease), cancellationToken) == 1;
    }

    /// <summary>Extends <paramref name="owner"/>'s claim on a turn it is still working on; false when the claim is gone.</summary>
    public async Task<bool> RenewAsync(long id, string owner, DateTimeOffset until, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        using var writer = await db.EnterWriterAsync(cancellationToken, changesDecisionFacts: false);
        return await Owned(db, id, owner).ExecuteUpdateAsync(set => set.SetProperty(t => t.LeaseUntil, until), cancellationToken) == 1;
    }

    /// <summary>Marks the turn done (only under <paramref name="owner"/>'s claim).</summary>
    public async Task<bool> CompleteAsync(long id, string owner, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        if (sqlite is not null)
            return await sqlite.CompleteAsync(id, owner, now);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        using var writer = await db.EnterWriterAsync(cancellationToken, changesDecisionFacts: false);
        return await Owned(db, id, owner).ExecuteUpdateAsync(set => set
            .SetProperty(t => t.State, InboundTurnState.Done)
            .SetProperty(t => t.LeaseUntil, (DateTimeOffset?)null)
            .SetProperty(t => t.FinishedAt, now), cancellationToken) == 1;
    }

    /// <summary>
    /// Records a failed attempt: the turn waits until <paramref name="retryAt"/> for the next, or, when
    /// <paramref name="retryAt"/> is null, it is given up.
    /// </summary>
    public async Task<bool> FailAsync(long id, string owner, string error, DateTimeOffset now, DateTimeOffset? retryAt, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        using var writer = await db.EnterWriterAsync(cancellationToken, changesDecisionFacts: false);
        return await Owned(db, id, owner).ExecuteUpdateAsync(set => set
            .SetProperty(t => t.State, retryAt is null ? InboundTurnState.GivenUp : InboundTurnState.Accepted)
            .SetProperty(t => t.NextAttemptAt, retryAt ?? now)
            .SetProperty(t => t.LeaseUntil, (DateTimeOffset?)null)
            .SetProperty(t => t.FinishedAt, retryAt is null ? now : null)
            .SetProperty(t => t.LastError, error), cancellationToken) == 1;
    }

    /// <summary>
    /// Lets every claim lapse now: for a single instance (SQLite) starting up, whose earlier process died holding them,
    /// so its turns are taken again at once instead of when their leases run out.
    /// </summary>
    public async Task<int> ReleaseAllClaimsAsync(DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        using var writer = await db.EnterWriterAsync(cancellationToken, changesDecisionFacts: false);
        return await db.InboundTurns.Where(t => t.State == InboundTurnState.Processing)
            .ExecuteUpdateAsync(set => set.SetProperty(t => t.LeaseUntil, now - TimeSpan.FromTicks(10)), cancellationToken);
    }

    public async Task<InboundTurnEntity?> FindAsync(long id, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.InboundTurns.AsNoTracking().SingleOrDefaultAsync(t => t.Id == id, cancellationToken);
    }

    /// <summary>Turns not finished yet (accepted or processing), of any channel.</summary>
    public async Task<int> CountUnfinishedAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.InboundTurns.CountAsync(t => t.State == InboundTurnState.Accepted || t.State == InboundTurnState.Processing, cancellationToken);
    }

    /// <summary>Forgets finished turns that finished before <paramref name="cutoff"/>.</summary>
    public async Task<int> PruneAsync(DateTimeOffset cutoff, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        using var writer = await db.EnterWriterAsync(cancellationToken, changesDecisionFacts: false);
        return await db.InboundTurns
            .Where(t => (t.State == InboundTurnState.Done || t.State == InboundTurnState.GivenUp) && t.FinishedAt < cutoff)
            .ExecuteDeleteAsync(cancellationToken);
    }

    /// <summary>The turns of <paramref name="turns"/> with no unfinished earlier turn in their conversation.</summary>
    private static IQueryable<InboundTurnEntity> FirstInConversation(BotDbContext db, IQueryable<InboundTurnEntity> turns) =>
        turns.Where(t => !db.InboundTurns.Any(earlier => earlier.ConversationKey == t.ConversationKey && earlier.Id < t.Id
            && (earlier.State == InboundTurnState.Accepted || earlier.State == InboundTurnState.Processing)));

    private static IQueryable<InboundTurnEntity> Owned(BotDbContext db, long id, string owner) =>
        db.InboundTurns.Where(t => t.Id == id && t.State == InboundTurnState.Processing && t.LeaseOwner == owner);
}
