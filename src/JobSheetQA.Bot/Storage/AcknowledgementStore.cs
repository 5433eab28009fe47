using JobSheetQA.Bot.Storage.Entities;
using Microsoft.EntityFrameworkCore;

namespace JobSheetQA.Bot.Storage;

/// <summary>
/// Typed acknowledgements (runbook §2.4): bound to requester, promotion, environment, commit and rule;
/// single use, enforced by a conditional update so two instances cannot both accept the same one.
/// </summary>
public sealed class AcknowledgementStore(IDbContextFactory<BotDbContext> contexts)
{
    public async Task<AcknowledgementEntity> RequestAsync(
        string promotionId, string requesterChannel, string requesterUserId, string environment, string commitSha,
        string ruleId, string phraseExpected, DateTimeOffset now, TimeSpan lifetime, CancellationToken cancellationToken = default)
    {
        var acknowledgement = new AcknowledgementEntity
        {
            Id = Guid.NewGuid().ToString("N"),
            PromotionId = promotionId,
            RequesterChannel = requesterChannel,
            RequesterUserId = requesterUserId,
            Environment = environment,
            CommitSha = commitSha,
            RuleId = ruleId,
            PhraseExpected = phraseExpected,
            RequestedAt = now,
            ExpiresAt = now + lifetime,
            State = AcknowledgementState.Pending,
        };

        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        db.Acknowledgements.Add(acknowledgement);
        await db.SaveChangesAsync(cancellationToken);
        return acknowledgement;
    }

    public async Task<AcknowledgementEntity?> FindAsync(string id, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Acknowledgements.AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, cancellationToken);
    }

    /// <summary>The requester's acknowledgements still waiting at <paramref name="now"/>, newest first (what their next message may answer).</summary>
    public async Task<IReadOnlyList<AcknowledgementEntity>> PendingForRequesterAsync(
        string requesterChannel, string requesterUserId, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Acknowledgements.AsNoTracking()
            .Where(a => a.RequesterChannel == requesterChannel && a.RequesterUserId == requesterUserId
                && a.State == AcknowledgementState.Pending && a.ExpiresAt > now)
            .OrderByDescending(a => a.RequestedAt)
            .ToListAsync(cancellationToken);
    }

    /// <summary>Uses the acknowledgement for its requester, once. Checking the typed phrase is the caller's job (policy).</summary>
    public async Task<AcknowledgementUse> TryUseAsync(
        string id, string requesterChannel, string requesterUserId, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        using var writer = await db.EnterWriterAsync(cancellationToken);
        var used = await db.Acknowledgements
            .Where(a => a.Id == id && a.RequesterChannel == requesterChannel && a.RequesterUserId == requesterUserId
                && a.State == AcknowledgementState.Pending && a.ExpiresAt > now)
            .ExecuteUpdateAsync(set => set.SetProperty(a => a.State, AcknowledgementState.Used).SetProperty(a => a.UsedAt, now), cancellationToken);
        if (used > 0)
            return AcknowledgementUse.Used;

        var found = await db.Acknowledgements.AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (found is null)
            return AcknowledgementUse.NotFound;
        if (found.RequesterChannel != requesterChannel || found.RequesterUserId != requesterUserId)
            return AcknowledgementUse.NotRequester;
        return found.State switch
        {
            AcknowledgementState.Used => AcknowledgementUse.AlreadyUsed,
            AcknowledgementState.Cancelled => AcknowledgementUse.Cancelled,
            _ => AcknowledgementUse.Expired,
        };
    }

    /// <summary>Marks every pending acknowledgement past its expiry as expired and returns those this call expired (for the expiry job's message).</summary>
    public async Task<IReadOnlyList<AcknowledgementEntity>> ExpireDueAsync(DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var due = await db.Acknowledgements.AsNoTracking()
            .Where(a => a.State == AcknowledgementState.Pending && a.ExpiresAt <= now)
            .ToListAsync(cancellationToken);
        using var writer = await db.EnterWriterAsync(cancellationToken);

        var expired = new List<AcknowledgementEntity>();
        foreach (var acknowledgement in due)
        {
            // Conditional per row: an acknowledgement used or expired meanwhile by another instance is not reported twice.
            var changed = await db.Acknowledgements
                .Where(a => a.Id == acknowledgement.Id && a.State == AcknowledgementState.Pending)
                .ExecuteUpdateAsync(set => set.SetProperty(a => a.State, AcknowledgementState.Expired), cancellationToken);
            if (changed > 0)
            {
                acknowledgement.State = AcknowledgementState.Expired;
                expired.Add(acknowledgement);
            }
        }

        return expired;
    }

    /// <summary>A promotion's acknowledgements, newest first.</summary>
    public async Task<IReadOnlyList<AcknowledgementEntity>> ForPromotionAsync(string promotionId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Acknowledgements.AsNoTracking()
            .Where(a => a.PromotionId == promotionId)
            .OrderByDescending(a => a.RequestedAt)
            .ToListAsync(cancellationToken);
    }

    /// <summary>Cancels a promotion's pending acknowledgements (the promotion was cancelled or re-evaluated).</summary>
    public async Task<int> CancelForPromotionAsync(string promotionId, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        using var writer = await db.EnterWriterAsync(cancellationToken);
        return await db.Acknowledgements
            .Where(a => a.PromotionId == promotionId && a.State == AcknowledgementState.Pending)
            .ExecuteUpdateAsync(set => set.SetProperty(a => a.State, AcknowledgementState.Cancelled), cancellationToken);
    }
}
