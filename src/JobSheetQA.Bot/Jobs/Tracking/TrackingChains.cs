using System.Globalization;
using Hangfire;
using Hangfire.Storage;

namespace JobSheetQA.Bot.Jobs.Tracking;

/// <summary>
/// Keeps one polling chain per promotion in the job storage (shared by every instance): each poll schedules the next,
/// and only the chain whose token is current may do so. Waking a promotion early starts a new chain; the old one's
/// pending poll still runs once (harmless: polls are idempotent) but does not continue, so chains never multiply.
/// The chain also records the Hangfire job that carries its next poll (so the reconciler can tell a chain Hangfire gave
/// up on from a live one) and since when GitHub has answered 404 for the promotion's run.
/// </summary>
public sealed class TrackingChains(JobStorage storage, TimeProvider time)
{
    /// <summary>The set of promotions with a chain: it outlives the promotion's move to a final state until its reports are all posted.</summary>
    internal const string ChainSet = "tracking-chains";

    private const string TokenField = "chain";
    private const string DueField = "due";
    private const string JobField = "job";
    private const string RunMissingField = "run-404-since";

    // Hangfire states in which a job will still run: the chain it carries is alive.
    private static readonly HashSet<string> LiveStates =
        new(["Enqueued", "Scheduled", "Processing", "Awaiting"], StringComparer.OrdinalIgnoreCase);

    /// <summary>Starts a new chain and returns its token; the caller enqueues the first poll with it and attaches the job.</summary>
    public string Start(string promotionId) => Set(promotionId, time.GetUtcNow());

    /// <summary>
    /// Hands the chain on to the next poll, due at <paramref name="dueAt"/>, if <paramref name="token"/> is still
    /// current; null when another chain took over (its own poll continues instead).
    /// </summary>
    public string? Continue(string promotionId, string token, DateTimeOffset dueAt)
    {
        using var connection = storage.GetConnection();
        return IsCurrent(connection, promotionId, token) ? Set(promotionId, dueAt) : null;
    }

    /// <summary>Records the Hangfire job that carries chain <paramref name="token"/>'s next poll, unless another chain took over.</summary>
    public void Attach(string promotionId, string token, string jobId)
    {
        using var connection = storage.GetConnection();
        if (IsCurrent(connection, promotionId, token))
            connection.SetRangeInHash(Key(promotionId), [new(JobField, jobId)]);
    }

    /// <summary>When the current chain's next poll is due; null when no chain is known (never started, or finished).</summary>
    public DateTimeOffset? NextDue(string promotionId)
    {
        using var connection = storage.GetConnection();
        return Time(connection.GetAllEntriesFromHash(Key(promotionId)), DueField);
    }

    /// <summary>
    /// Whether the promotion's chain will poll again by itself: <see cref="ChainHealth.Gone"/> when there is none or the
    /// job carrying its next poll is failed (Hangfire gave up after its retries), deleted, finished without continuing
    /// or expired; <see cref="ChainHealth.Overdue"/> when its next poll is more than <paramref name="grace"/> late (a
    /// job stuck with a dead worker); <see cref="ChainHealth.Alive"/> otherwise.
    /// </summary>
    public ChainHealth Health(string promotionId, TimeSpan grace)
    {
        using var connection = storage.GetConnection();
        var chain = connection.GetAllEntriesFromHash(Key(promotionId));
        if (chain is null || !chain.ContainsKey(TokenField))
            return ChainHealth.Gone;
        if (chain.TryGetValue(JobField, out var jobId) && jobId.Length > 0
            && (connection.GetJobData(jobId)?.State is not { } state || !LiveStates.Contains(state)))
            return ChainHealth.Gone;
        return Time(chain, DueField) is { } due && time.GetUtcNow() - due > grace ? ChainHealth.Overdue : ChainHealth.Alive;
    }

    /// <summary>Promotions that have a chain, final ones included while their reports are still owed.</summary>
    public IReadOnlyCollection<string> Tracked()
    {
        using var connection = storage.GetConnection();
        return connection.GetAllItemsFromSet(ChainSet);
    }

    /// <summary>Forgets a finished promotion's chain.</summary>
    public void End(string promotionId)
    {
        using var connection = storage.GetConnection();
        using var transaction = connection.CreateWriteTransaction();
        transaction.RemoveHash(Key(promotionId));
        transaction.RemoveFromSet(ChainSet, promotionId);
        transaction.Commit();
    }

    /// <summary>Notes that GitHub answered 404 for the promotion's run now; returns since when it has (the first 404 in a row).</summary>
    public DateTimeOffset RunMissing(string promotionId, DateTimeOffset now)
    {
        using var connection = storage.GetConnection();
        if (Time(connection.GetAllEntriesFromHash(Key(promotionId)), RunMissingField) is { } since)
            return since;
        connection.SetRangeInHash(Key(promotionId), [new(RunMissingField, Ticks(now))]);
        return now;
    }

    /// <summary>GitHub showed the run: a later 404 starts counting afresh.</summary>
    public void RunSeen(string promotionId)
    {
        using var connection = storage.GetConnection();
        if (connection.GetAllEntriesFromHash(Key(promotionId)) is { } chain && chain.TryGetValue(RunMissingField, out var since) && since.Length > 0)
            connection.SetRangeInHash(Key(promotionId), [new(RunMissingField, "")]);
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
        using var transaction = connection.CreateWriteTransaction();
        // The job is attached once it exists; until then the chain is judged by its due time only.
        transaction.SetRangeInHash(Key(promotionId), [new(TokenField, token), new(DueField, Ticks(dueAt)), new(JobField, "")]);
        transaction.AddToSet(ChainSet, promotionId);
        transaction.Commit();
        return token;
    }

    private static bool IsCurrent(IStorageConnection connection, string promotionId, string token) =>
        connection.GetAllEntriesFromHash(Key(promotionId)) is { } current && current.TryGetValue(TokenField, out var stored) && stored == token;

    private static DateTimeOffset? Time(Dictionary<string, string>? hash, string field) =>
        hash is not null && hash.TryGetValue(field, out var value)
            && long.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var ticks)
            ? new DateTimeOffset(ticks, TimeSpan.Zero)
            : null;

    private static string Ticks(DateTimeOffset at) => at.UtcTicks.ToString(CultureInfo.InvariantCulture);

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
