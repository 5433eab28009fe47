using JobSheetQA.Bot.Storage.Entities;
using Microsoft.EntityFrameworkCore;

namespace JobSheetQA.Bot.Storage;

/// <summary>
/// The <c>pending_protection_reviews</c> table: deployment protection requests GitHub waits on, from the webhook to the
/// answer. Every move is an update guarded by the state it leaves, so of two workers (two instances, a job and the sweep)
/// exactly one makes it, and an answered review is never answered again.
/// </summary>
public sealed class PendingReviewStore(IDbContextFactory<BotDbContext> contexts)
{
    /// <summary>Stores the request; null when the run, environment and deployment are there already (a redelivery).</summary>
    public async Task<long?> TryAddAsync(PendingProtectionReviewEntity review, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        db.PendingProtectionReviews.Add(review);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return review.Id;
        }
        catch (DbUpdateException exception) when (DatabaseErrors.IsUniqueViolation(exception))
        {
            return null;
        }
    }

    public async Task<PendingProtectionReviewEntity?> GetAsync(long id, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.PendingProtectionReviews.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, cancellationToken);
    }

    /// <summary>Every review GitHub has not taken an answer for, oldest first.</summary>
    public async Task<IReadOnlyList<PendingProtectionReviewEntity>> UnansweredAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.PendingProtectionReviews.AsNoTracking()
            .Where(r => r.State != PendingReviewState.Answered)
            .OrderBy(r => r.Id)
            .ToListAsync(cancellationToken);
    }

    /// <summary>Pending → Judging: true for the one worker that may judge it.</summary>
    public async Task<bool> TryClaimAsync(long id, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        using var writer = await db.EnterWriterAsync(cancellationToken);
        return await db.PendingProtectionReviews
            .Where(r => r.Id == id && r.State == PendingReviewState.Pending)
            .ExecuteUpdateAsync(set => set.SetProperty(r => r.State, PendingReviewState.Judging).SetProperty(r => r.ClaimedAt, now), cancellationToken) > 0;
    }

    /// <summary>Judging → Decided with the answer, by the worker that judged it; false when the sweep gave up on it first.</summary>
    public async Task<bool> TryDecideAsync(long id, bool approved, string comment, string? promotionId, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        using var writer = await db.EnterWriterAsync(cancellationToken);
        return await db.PendingProtectionReviews
            .Where(r => r.Id == id && r.State == PendingReviewState.Judging)
            .ExecuteUpdateAsync(set => set
                .SetProperty(r => r.State, PendingReviewState.Decided)
                .SetProperty(r => r.Approved, approved)
                .SetProperty(r => r.Comment, comment)
                .SetProperty(r => r.PromotionId, promotionId)
                .SetProperty(r => r.ClaimedAt, now), cancellationToken) > 0;
    }

    /// <summary>Pending or Judging and received before <paramref name="receivedBefore"/> → Decided as rejected: nothing waits for ever.</summary>
    public async Task<bool> TryGiveUpAsync(long id, string comment, DateTimeOffset receivedBefore, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        using var writer = await db.EnterWriterAsync(cancellationToken);
        return await db.PendingProtectionReviews
            .Where(r => r.Id == id && (r.State == PendingReviewState.Pending || r.State == PendingReviewState.Judging) && r.ReceivedAt < receivedBefore)
            .ExecuteUpdateAsync(set => set
                .SetProperty(r => r.State, PendingReviewState.Decided)
                .SetProperty(r => r.Approved, false)
                .SetProperty(r => r.Comment, comment)
                .SetProperty(r => r.ClaimedAt, now), cancellationToken) > 0;
    }

    /// <summary>Takes a decided answer whose last sender started at <paramref name="takenAt"/> (as read) to send it again.</summary>
    public async Task<bool> TryRetakeDecidedAsync(long id, DateTimeOffset? takenAt, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        using var writer = await db.EnterWriterAsync(cancellationToken);
        return await db.PendingProtectionReviews
            .Where(r => r.Id == id && r.State == PendingReviewState.Decided && r.ClaimedAt == takenAt)
            .ExecuteUpdateAsync(set => set.SetProperty(r => r.ClaimedAt, now), cancellationToken) > 0;
    }

    /// <summary>Counts a send; Decided → Answered when GitHub took it or after <paramref name="maxAttempts"/> sends.</summary>
    /// <returns>True when the review is now answered.</returns>
    public async Task<bool> RecordSendAsync(long id, bool taken, int maxAttempts, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        using var writer = await db.EnterWriterAsync(cancellationToken);
        var answered = await db.PendingProtectionReviews
            .Where(r => r.Id == id && r.State == PendingReviewState.Decided && (taken || r.SendAttempts + 1 >= maxAttempts))
            .ExecuteUpdateAsync(set => set
                .SetProperty(r => r.State, PendingReviewState.Answered)
                .SetProperty(r => r.SendAttempts, r => r.SendAttempts + 1)
                .SetProperty(r => r.AnsweredAt, now), cancellationToken) > 0;
        if (!answered)
        {
            await db.PendingProtectionReviews
                .Where(r => r.Id == id && r.State == PendingReviewState.Decided)
                .ExecuteUpdateAsync(set => set.SetProperty(r => r.SendAttempts, r => r.SendAttempts + 1), cancellationToken);
        }

        return answered;
    }
}
