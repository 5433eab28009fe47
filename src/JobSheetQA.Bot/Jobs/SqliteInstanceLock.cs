namespace JobSheetQA.Bot.Jobs;

/// <summary>
/// Holds an exclusive OS lock on <c>hangfire.db.lock</c> beside the SQLite job storage for as long as the host runs, so a
/// second bot process on the same data folder fails at start-up instead of sharing the file. Hangfire's SQLite storage
/// fetches queued jobs with a read-then-update guarded only inside one process: two processes can run the same job
/// twice. Hosts inside one process (tests) share the lock.
/// </summary>
internal sealed class SqliteInstanceLock : IDisposable
{
    public const string FileName = JobsServiceCollectionExtensions.SqliteFileName + ".lock";

    private static readonly Lock Gate = new();
    private static readonly Dictionary<string, (FileStream Stream, int Holders)> Held = new(StringComparer.Ordinal);

    private readonly string path;
    private bool released;

    private SqliteInstanceLock(string path) => this.path = path;

    /// <summary>Takes the lock for the data folder <paramref name="directory"/>, or explains who to stop or what to change.</summary>
    public static SqliteInstanceLock Acquire(string directory)
    {
        var path = Path.Combine(Path.GetFullPath(directory), FileName);
        lock (Gate)
        {
            if (Held.TryGetValue(path, out var held))
            {
                Held[path] = (held.Stream, held.Holders + 1);
                return new SqliteInstanceLock(path);
            }

            try
            {
                // FileShare.None takes an exclusive advisory lock (flock) on Unix; the OS drops it if the process dies.
                var stream = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
                Held[path] = (stream, 1);
                return new SqliteInstanceLock(path);
            }
            catch (IOException exception)
            {
                throw new InvalidOperationException(
                    $"Another process is already running background jobs on the SQLite storage in '{directory}' ({path} is locked). "
                    + "SQLite storage serves a single instance: stop the other instance, give this one its own Storage:DataDirectory, "
                    + "or set Storage:Provider to PostgreSql to run several instances.",
                    exception);
            }
        }
    }

    public void Dispose()
    {
        lock (Gate)
        {
            if (released)
                return;
            released = true;

            var held = Held[path];
            if (held.Holders > 1)
            {
                Held[path] = (held.Stream, held.Holders - 1);
                return;
            }

            Held.Remove(path);
            held.Stream.Dispose();
        }
    }
}
