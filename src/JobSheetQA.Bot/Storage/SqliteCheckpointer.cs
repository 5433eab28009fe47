using Microsoft.Data.Sqlite;

namespace JobSheetQA.Bot.Storage;

/// <summary>
/// SQLite only: copies the write-ahead log into the database file on a thread of its own. Left to SQLite, the commit that
/// takes the log past 1,000 pages copies them and syncs the log and the database file (about 11 ms on the build machine's
/// disk, several times a second under load) while it holds the process's one writer (<see cref="SqliteWriteFunnel"/>),
/// and every turn behind it waits: in tests/load a fifth of the CPU sat idle.
/// </summary>
/// <remarks>
/// <para>Every <see cref="Interval"/> in which something was written, a passive checkpoint copies and syncs what the log
/// holds without the writer. SQLite starts the log again from its beginning only when a commit finds all of it copied,
/// which a busy writer never does; so once the log is past <see cref="RestartAfterPages"/>, a second pass copies, still
/// without the writer, the pages written while the first one synced, and a third takes the writer for the few written
/// meanwhile. The next commit then starts the log afresh instead of growing it (unless a reader is still on the log: the
/// next pass tries again). The writer is held for that third pass only: a tail of pages, not the whole log.</para>
/// <para>Every connection keeps SQLite's own checkpoint from <see cref="FallbackPages"/> pages: if this one falls behind
/// or stops, the log is still copied, as before, by the commits themselves.</para>
/// </remarks>
public sealed partial class SqliteCheckpointer(string databasePath, SqliteWriteFunnel funnel, ILogger<SqliteCheckpointer> logger)
    : BackgroundService
{
    /// <summary>How often the log is looked at.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(100);

    /// <summary>A log this long (SQLite's own checkpoint size) is finished under the writer, so that it starts again.</summary>
    public const int RestartAfterPages = 1_000;

    /// <summary>The size at which a commit copies the log itself (every connection's <c>wal_autocheckpoint</c>).</summary>
    public const int FallbackPages = 10_000;

    private long writesCheckpointed = -1;
    private bool failing;

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        // A checkpoint blocks its thread in fsync for milliseconds: not one of the thread pool's (two on a 2-core machine).
        Task.Factory.StartNew(() => Run(stoppingToken), stoppingToken, TaskCreationOptions.LongRunning, TaskScheduler.Default);

    private void Run(CancellationToken stoppingToken)
    {
        SqliteConnection? connection = null;
        try
        {
            while (!stoppingToken.WaitHandle.WaitOne(Interval))
            {
                var writes = funnel.WritesEnded;
                if (writes == writesCheckpointed)
                    continue;
                try
                {
                    connection ??= Open();
                    var checkpoint = Checkpoint(connection, stoppingToken);
                    // Pages a reader still needed, or a pass another checkpoint kept busy, are tried again next time.
                    if (!checkpoint.Busy && checkpoint.CopiedPages == checkpoint.LogPages)
                        writesCheckpointed = writes;
                    if (failing)
                        LogCheckpointsRecovered(logger);
                    failing = false;
                }
                catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
                {
                    return;
                }
                catch (Exception exception)
                {
                    // A background copy must not stop the bot: the commits' own checkpoint bounds the log meanwhile, and
                    // the next pass opens a new connection.
                    if (!failing)
                        LogCheckpointFailed(logger, exception);
                    failing = true;
                    connection?.Dispose();
                    connection = null;
                }
            }
        }
        finally
        {
            connection?.Dispose();
        }
    }

    /// <summary>
    /// One pass: copies the log without the writer and, if the log is <see cref="RestartAfterPages"/> or longer, what was
    /// written meanwhile once more without the writer and the rest under it, so that the next commit starts it again.
    /// Returns what the last checkpoint found.
    /// </summary>
    internal WalCheckpoint Checkpoint(SqliteConnection connection, CancellationToken cancellationToken = default)
    {
        var copied = Passive(connection);
        if (copied.LogPages < RestartAfterPages)
            return copied;

        // Once more without the writer, for the pages written while the first pass synced: the writer then waits only
        // for the few written during this shorter one.
        Passive(connection);
        using (funnel.EnterWithoutWriting(connection, cancellationToken))
            return Passive(connection);
    }

    /// <summary>Opens the checkpointer's connection, with the process's pragmas.</summary>
    internal SqliteConnection Open()
    {
        var connection = funnel.OpenOwnConnection(databasePath);
        try
        {
            // A connection finds the log on its first read; until then SQLite answers a checkpoint with "not in WAL mode".
            using var read = connection.CreateCommand();
            read.CommandText = "PRAGMA schema_version;";
            read.ExecuteScalar();
            return connection;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    // Passive: copies what no reader still needs, waits for no reader or writer, and invokes no busy handler.
    private static WalCheckpoint Passive(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA wal_checkpoint(PASSIVE);";
        using var reader = command.ExecuteReader();
        reader.Read();
        return new WalCheckpoint(reader.GetInt64(0) != 0, reader.GetInt64(1), reader.GetInt64(2));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Background SQLite checkpoints are failing; until one succeeds, commits copy the log themselves past the fallback size")]
    private static partial void LogCheckpointFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "Background SQLite checkpoints succeed again")]
    private static partial void LogCheckpointsRecovered(ILogger logger);
}
