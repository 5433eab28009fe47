using System.Threading.Channels;
using Microsoft.Data.Sqlite;

namespace JobSheetQA.Bot.Storage;

/// <summary>
/// SQLite only: runs small, frequent writes (the turn path's, <see cref="SqliteTurnWrites"/>) on one connection of its
/// own with their statements prepared once, and commits the writes that queued up meanwhile together, in one
/// transaction and one turn of the process's writer (<see cref="SqliteWriteFunnel"/>). Through EF Core each of a dry
/// run's four writes held the writer about 240 µs, and the writer, held 70 % of the time, was the dry run's limit
/// (tests/load). A write's task ends only after its transaction committed; each write runs in a savepoint of its own, so
/// one that fails (a redelivery's unique key) is undone alone, fails alone, and the others commit.
/// </summary>
public sealed partial class SqliteBatchWriter : IAsyncDisposable, IDisposable
{
    /// <summary>At most this many writes in one transaction; more wait for the next.</summary>
    public const int MaxBatch = 128;

    private readonly string databasePath;
    private readonly SqliteWriteFunnel funnel;
    private readonly ILogger<SqliteBatchWriter> logger;
    private readonly Channel<Write> queue = Channel.CreateUnbounded<Write>();
    private readonly Task loop;

    internal SqliteBatchWriter(string databasePath, SqliteWriteFunnel funnel, ILogger<SqliteBatchWriter> logger)
    {
        this.databasePath = databasePath;
        this.funnel = funnel;
        this.logger = logger;
        loop = Task.Run(RunAsync);
    }

    /// <summary>Writes waiting to be taken into a transaction.</summary>
    internal int Queued => queue.Reader.Count;

    /// <summary>
    /// Runs <paramref name="write"/> on the writer's connection in the next transaction; the task ends when that
    /// transaction has committed, or fails with what <paramref name="write"/> threw (its changes undone) or with the
    /// reason the transaction did not commit.
    /// </summary>
    /// <remarks>
    /// Only for rows no decision reads (inbound turns, de-duplication ids, audit lines): these writes leave
    /// <see cref="SqliteWriteFunnel.Generation"/> as it is, so a write to a fact here would leave kept facts stale.
    /// </remarks>
    internal Task<T> WriteAsync<T>(Func<PreparedStatements, T> write)
    {
        var pending = new Write<T>(write);
        if (!queue.Writer.TryWrite(pending))
            throw new ObjectDisposedException(nameof(SqliteBatchWriter));
        return pending.Result.Task;
    }

    private async Task RunAsync()
    {
        PreparedStatements? statements = null;
        var batch = new List<Write>(MaxBatch);
        try
        {
            while (await queue.Reader.WaitToReadAsync())
            {
                while (batch.Count < MaxBatch && queue.Reader.TryRead(out var write))
                    batch.Add(write);
                try
                {
                    statements ??= new PreparedStatements(funnel.OpenOwnConnection(databasePath));
                    // Its rows are turns, de-duplication ids and audit lines, which no decision reads.
                    using (await funnel.EnterAsync(statements.Connection, CancellationToken.None, changesDecisionFacts: false))
                        Commit(statements, batch);
                }
                catch (Exception exception)
                {
                    // Nothing of the batch committed: every write in it fails, and the connection is opened afresh.
                    foreach (var write in batch)
                        write.Failed ??= exception;
                    LogBatchFailed(logger, exception, batch.Count);
                    statements?.Dispose();
                    statements = null;
                }

                foreach (var write in batch)
                    write.Finish();
                batch.Clear();
            }
        }
        finally
        {
            statements?.Dispose();
        }
    }

    private static void Commit(PreparedStatements statements, List<Write> batch)
    {
        statements.Execute("BEGIN IMMEDIATE");
        try
        {
            foreach (var write in batch)
            {
                statements.Execute("SAVEPOINT batch_write");
                try
                {
                    write.Run(statements);
                    statements.Execute("RELEASE batch_write");
                }
                catch (Exception exception)
                {
                    // Undoes this write's statements only; if SQLite already undid the whole transaction (a full disk, an
                    // I/O error), there is no savepoint left, this throws, and the batch fails as a whole.
                    statements.Execute("ROLLBACK TO batch_write");
                    statements.Execute("RELEASE batch_write");
                    write.Failed = exception;
                }
            }

            statements.Execute("COMMIT");
        }
        catch
        {
            try
            {
                statements.Execute("ROLLBACK");
            }
            catch (SqliteException)
            {
                // SQLite had ended the transaction itself; nothing is left to undo.
            }

            throw;
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "A batch of {Count} SQLite writes did not commit; each of its writes failed")]
    private static partial void LogBatchFailed(ILogger logger, Exception exception, int count);

    public async ValueTask DisposeAsync()
    {
        // Writes already queued still run: their callers are waiting for them.
        queue.Writer.TryComplete();
        await loop;
    }

    public void Dispose()
    {
        queue.Writer.TryComplete();
        loop.GetAwaiter().GetResult();
    }

    /// <summary>One queued write and how it ended.</summary>
    private abstract class Write
    {
        public Exception? Failed { get; set; }

        public abstract void Run(PreparedStatements statements);

        public abstract void Finish();
    }

    private sealed class Write<T>(Func<PreparedStatements, T> write) : Write
    {
        private T value = default!;

        public TaskCompletionSource<T> Result { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public override void Run(PreparedStatements statements) => value = write(statements);

        public override void Finish()
        {
            if (Failed is null)
                Result.TrySetResult(value);
            else
                Result.TrySetException(Failed);
        }
    }
}

/// <summary>
/// The batch writer's connection and its statements, each prepared once and run again with new values; disposing closes
/// the connection.
/// </summary>
internal sealed class PreparedStatements(SqliteConnection connection) : IDisposable
{
    private readonly Dictionary<string, SqliteCommand> commands = new(StringComparer.Ordinal);

    public SqliteConnection Connection => connection;

    /// <summary>Runs <paramref name="sql"/>; the number of rows it changed.</summary>
    public int Execute(string sql, params ReadOnlySpan<(string Name, object? Value)> parameters) =>
        Bound(sql, parameters).ExecuteNonQuery();

    /// <summary>Runs <paramref name="sql"/>; the integer in the first column of its first row.</summary>
    public long ScalarInt64(string sql, params ReadOnlySpan<(string Name, object? Value)> parameters) =>
        (long)Bound(sql, parameters).ExecuteScalar()!;

    private SqliteCommand Bound(string sql, ReadOnlySpan<(string Name, object? Value)> parameters)
    {
        if (!commands.TryGetValue(sql, out var command))
        {
            command = connection.CreateCommand();
            command.CommandText = sql;
            foreach (var (name, _) in parameters)
                command.Parameters.Add(new SqliteParameter { ParameterName = name });
            commands[sql] = command;
        }

        foreach (var (name, value) in parameters)
            command.Parameters[name].Value = value ?? DBNull.Value;
        return command;
    }

    public void Dispose()
    {
        foreach (var command in commands.Values)
            command.Dispose();
        commands.Clear();
        connection.Dispose();
    }
}
