using System.Globalization;
using Hangfire;
using Hangfire.Storage;

namespace JobSheetQA.Bot.Jobs.Tracking;

/// <summary>
/// Keeps one polling chain per promotion in the job storage (shared by every instance): each poll schedules the next,
/// and only the chain whose token is current may do so. Waking a promotion early starts a new chain; the old one's
/// pending poll still runs once (harmless: polls are idempotent) but does not continue, so chains never multiply.
/// </summary>
public sealed class TrackingChains(JobStorage storage, TimeProvider time)
{
    private const string TokenField = "chain";
    private const string DueField = "due";

    /// <summary>Starts a new chain and returns its token; the caller enqueues the first poll with it.</summary>
    public string Start(string promotionId) => Set(promotionId, time.GetUtcNow());

    /// <summary>
    /// Hands the chain on to the next poll, due at <paramref name="dueAt"/>, if <paramref name="token"/> is still
    /// current; null when another chain took over (its own poll continues instead).
    /// </summary>
    public string? Continue(string promotionId, string token, DateTimeOffset dueAt)
    {
        using var connection = storage.GetConnection();
        var current = connection.GetAllEntriesFromHash(Key(promotionId));
        if (current is null || !current.TryGetValue(TokenField, out var stored) || stored != token)
            return null;
        return Set(promotionId, dueAt);
    }

    /// <summary>When the current chain's next poll is due; null when no chain is known (never started, or finished).</summary>
    public DateTimeOffset? NextDue(string promotionId)
    {
        using var connection = storage.GetConnection();
        var current = connection.GetAllEntriesFromHash(Key(promotionId));
        return current is not null && current.TryGetValue(DueField, out var due)
            && long.TryParse(due, NumberStyles.Integer, CultureInfo.InvariantCulture, out var ticks)
            ? new DateTimeOffset(ticks, TimeSpan.Zero)
            : null;
    }

    /// <summary>Forgets a finished promotion's chain.</summary>
    public void End(string promotionId)
    {
        using var connection = storage.GetConnection();
        using var transaction = connection.CreateWriteTransaction();
        transaction.RemoveHash(Key(promotionId));
        transaction.Commit();
    }

    /// <summary>Serialises the polls of one promotion across workers and instances.</summary>
    public IDisposable Lock(string promotionId, TimeSpan timeout)
    {
        var connection = storage.GetConnection();
        try
        {
            var handle = connection.AcquireDistributedLock($"tracking-lock:{promotionId}", timeout);
            return new LockHandle(handle, connection);
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    private string Set(string promotionId, DateTimeOffset dueAt)
    {
        var token = Guid.NewGuid().ToString("N");
        using var connection = storage.GetConnection();
        connection.SetRangeInHash(Key(promotionId), new Dictionary<string, string>
        {
            [TokenField] = token,
            [DueField] = dueAt.UtcTicks.ToString(CultureInfo.InvariantCulture),
        });
        return token;
    }

    private static string Key(string promotionId) => $"tracking:{promotionId}";

    private sealed class LockHandle(IDisposable handle, IStorageConnection connection) : IDisposable
    {
        public void Dispose()
        {
            handle.Dispose();
            connection.Dispose();
        }
    }
}
