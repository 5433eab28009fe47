using JobSheetQA.Bot.Storage.Entities;
using JobSheetQA.Rules.Facts;
using Microsoft.EntityFrameworkCore;

namespace JobSheetQA.Bot.Storage;

/// <summary>Change-request-backed write windows and the bot's reminders and end checks on them (runbook §4.3).</summary>
public sealed class WriteWindowStore(IDbContextFactory<BotDbContext> contexts)
{
    public async Task<WriteWindowEntity> OpenAsync(
        string environment, string changeRequest, Actor openedBy, DateTimeOffset openedAt, DateTimeOffset endsAt,
        CancellationToken cancellationToken = default, long? conversationReferenceId = null)
    {
        var window = new WriteWindowEntity
        {
            Environment = environment,
            ChangeRequest = changeRequest,
            OpenedBy = openedBy.Name,
            OpenedById = openedBy.Id,
            OpenedAt = openedAt,
            EndsAt = endsAt,
            ConversationReferenceId = conversationReferenceId,
        };
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        db.WriteWindows.Add(window);
        await db.SaveChangesAsync(cancellationToken);
        return window;
    }

    /// <summary>Closes every window of <paramref name="environment"/> that has not ended; returns how many were closed.</summary>
    public async Task<int> CloseAsync(string environment, Actor closedBy, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        using var writer = await db.EnterWriterAsync(cancellationToken);
        return await db.WriteWindows
            .Where(w => w.Environment == environment && w.ClosedAt == null && w.EndsAt > now)
            .ExecuteUpdateAsync(set => set.SetProperty(w => w.ClosedAt, now).SetProperty(w => w.ClosedBy, closedBy.Name).SetProperty(w => w.ClosedById, closedBy.Id), cancellationToken);
    }

    /// <summary>
    /// Withdraws window <paramref name="id"/> when another current window of its environment was opened before it (a lower id):
    /// two instances that both judged "none open" and both inserted keep only the first. Returns true when it was withdrawn.
    /// </summary>
    public async Task<bool> WithdrawIfNotFirstAsync(long id, string environment, Actor withdrawnBy, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        using var writer = await db.EnterWriterAsync(cancellationToken);
        var earlier = await db.WriteWindows.AsNoTracking()
            .AnyAsync(w => w.Environment == environment && w.Id < id && w.ClosedAt == null && w.EndsAt > now, cancellationToken);
        if (!earlier)
            return false;

        await db.WriteWindows.Where(w => w.Id == id && w.ClosedAt == null)
            .ExecuteUpdateAsync(set => set.SetProperty(w => w.ClosedAt, now).SetProperty(w => w.ClosedBy, withdrawnBy.Name).SetProperty(w => w.ClosedById, withdrawnBy.Id).SetProperty(w => w.EndCheckDoneAt, now), cancellationToken);
        return true;
    }

    /// <summary>Windows of <paramref name="environment"/> that are not closed and not yet ended: the facts POSTURE-* read.</summary>
    public async Task<IReadOnlyList<WriteWindow>> CurrentAsync(string environment, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await CurrentAsync(db, environment, now, cancellationToken);
    }

    /// <inheritdoc cref="CurrentAsync(string, DateTimeOffset, CancellationToken)"/>
    internal static async Task<IReadOnlyList<WriteWindow>> CurrentAsync(BotDbContext db, string environment, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var rows = await db.WriteWindows.AsNoTracking()
            .Where(w => w.Environment == environment && w.ClosedAt == null && w.EndsAt > now)
            .OrderBy(w => w.OpenedAt).ThenBy(w => w.Id)
            .ToListAsync(cancellationToken);
        return rows.Select(ToFact).ToList();
    }

    /// <summary>Open windows ending within <paramref name="lead"/> that have had no reminder yet.</summary>
    public async Task<IReadOnlyList<WriteWindowEntity>> DueForReminderAsync(DateTimeOffset now, TimeSpan lead, CancellationToken cancellationToken = default)
    {
        var horizon = now + lead;
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.WriteWindows.AsNoTracking()
            .Where(w => w.ClosedAt == null && w.ReminderSentAt == null && w.EndsAt > now && w.EndsAt <= horizon)
            .OrderBy(w => w.EndsAt).ThenBy(w => w.Id)
            .ToListAsync(cancellationToken);
    }

    /// <summary>Windows that ended or were closed and whose posture check has not been done.</summary>
    public async Task<IReadOnlyList<WriteWindowEntity>> DueForEndCheckAsync(DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.WriteWindows.AsNoTracking()
            // A managed window's end check waits for its restore: it then says read-only, or keeps being retried.
            .Where(w => w.EndCheckDoneAt == null && (w.ClosedAt != null || w.EndsAt <= now) && (w.ManagedFlags == null || w.RestoredAt != null))
            .OrderBy(w => w.EndsAt).ThenBy(w => w.Id)
            .ToListAsync(cancellationToken);
    }

    /// <summary>True for the one caller that records the reminder; a second instance gets false and does not remind again.</summary>
    public async Task<bool> MarkReminderSentAsync(long id, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        using var writer = await db.EnterWriterAsync(cancellationToken);
        return await db.WriteWindows.Where(w => w.Id == id && w.ReminderSentAt == null)
            .ExecuteUpdateAsync(set => set.SetProperty(w => w.ReminderSentAt, now), cancellationToken) > 0;
    }

    /// <summary>True for the one caller that records the end check.</summary>
    public async Task<bool> MarkEndCheckDoneAsync(long id, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        using var writer = await db.EnterWriterAsync(cancellationToken);
        return await db.WriteWindows.Where(w => w.Id == id && w.EndCheckDoneAt == null)
            .ExecuteUpdateAsync(set => set.SetProperty(w => w.EndCheckDoneAt, now), cancellationToken) > 0;
    }

    public async Task<WriteWindowEntity?> FindAsync(long id, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.WriteWindows.AsNoTracking().FirstOrDefaultAsync(w => w.Id == id, cancellationToken);
    }

    /// <summary>Records which flags a managed window sets and their previous values, before it sets them.</summary>
    public async Task RecordManagedAsync(long id, string flags, string previousValues, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        using var writer = await db.EnterWriterAsync(cancellationToken);
        await db.WriteWindows.Where(w => w.Id == id)
            .ExecuteUpdateAsync(set => set.SetProperty(w => w.ManagedFlags, flags).SetProperty(w => w.PreviousValues, previousValues), cancellationToken);
    }

    /// <summary>Ends window <paramref name="id"/> now (its flags could not be set); true when this call closed it.</summary>
    public async Task<bool> CloseOneAsync(long id, Actor closedBy, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        using var writer = await db.EnterWriterAsync(cancellationToken);
        return await db.WriteWindows.Where(w => w.Id == id && w.ClosedAt == null)
            .ExecuteUpdateAsync(set => set.SetProperty(w => w.ClosedAt, now).SetProperty(w => w.ClosedBy, closedBy.Name).SetProperty(w => w.ClosedById, closedBy.Id), cancellationToken) > 0;
    }

    /// <summary>Managed windows that ended or were closed and whose flags are not restored yet, due for an attempt now
    /// (also those whose retry was lost with a stopped instance: crash-safe on start-up).</summary>
    public async Task<IReadOnlyList<WriteWindowEntity>> DueForRestoreAsync(DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.WriteWindows.AsNoTracking()
            .Where(w => w.ManagedFlags != null && w.RestoredAt == null && (w.ClosedAt != null || w.EndsAt <= now) && (w.NextRestoreAt == null || w.NextRestoreAt <= now))
            .OrderBy(w => w.EndsAt).ThenBy(w => w.Id)
            .ToListAsync(cancellationToken);
    }

    /// <summary>True for the one caller that records the restore.</summary>
    public async Task<bool> MarkRestoredAsync(long id, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        using var writer = await db.EnterWriterAsync(cancellationToken);
        return await db.WriteWindows.Where(w => w.Id == id && w.RestoredAt == null)
            .ExecuteUpdateAsync(set => set.SetProperty(w => w.RestoredAt, now).SetProperty(w => w.NextRestoreAt, (DateTimeOffset?)null).SetProperty(w => w.RestoreError, (string?)null), cancellationToken) > 0;
    }

    /// <summary>Counts a failed restore attempt and when the next is due; returns the attempt number recorded.</summary>
    public async Task<int> RecordRestoreFailureAsync(long id, string error, DateTimeOffset nextAt, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        using var writer = await db.EnterWriterAsync(cancellationToken);
        await db.WriteWindows.Where(w => w.Id == id && w.RestoredAt == null)
            .ExecuteUpdateAsync(set => set
                .SetProperty(w => w.RestoreAttempts, w => w.RestoreAttempts + 1)
                .SetProperty(w => w.RestoreError, error.Length > 1000 ? error[..1000] : error)
                .SetProperty(w => w.NextRestoreAt, nextAt), cancellationToken);
        return (await db.WriteWindows.AsNoTracking().FirstAsync(w => w.Id == id, cancellationToken)).RestoreAttempts;
    }

    internal static WriteWindow ToFact(WriteWindowEntity window) =>
        new(window.Environment, window.ChangeRequest, window.OpenedBy, window.OpenedAt, window.EndsAt, window.ClosedAt);
}
