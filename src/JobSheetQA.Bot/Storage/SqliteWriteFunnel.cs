using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace JobSheetQA.Bot.Storage;

/// <summary>
/// SQLite takes one writer at a time, and a second one is not queued: it gets SQLITE_BUSY and SQLite's busy handler
/// sleeps and retries it (1, 2, 5, 10 ms and longer), so under concurrent turns a write waits for whole sleeps (tests/load
/// measured p99 in the hundreds of milliseconds, and the bot asleep in the busy handler ~300 times a second). This
/// funnels every write of the process through one async queue instead: writers wait their turn without polling, readers
/// are never held (WAL). A save enters it by itself (<see cref="BotDbContext"/>); a set-based write
/// (<c>ExecuteUpdate</c>/<c>ExecuteDelete</c>, raw SQL) enters it with <see cref="BotDbContext.EnterWriterAsync"/>, and
/// a write statement on a connection that did not is refused, so a write forgotten outside the queue fails in the tests
/// instead of sleeping in production. Each connection also runs with <c>synchronous=NORMAL</c>, SQLite's advice for WAL:
/// a commit survives the process dying, only an operating-system crash or power loss may lose the last commits
/// (<c>Storage:SqliteSynchronous</c> = Full keeps an fsync per commit). One instance only: SQLite's data folder cannot be
/// shared (<see cref="Jobs.SqliteInstanceLock"/>).
/// </summary>
/// <remarks>
/// Not taken in an <c>ISaveChangesInterceptor</c>: EF Core reports a save that fails on a concurrency token to no
/// interceptor callback that ends the save, so a writer taken there was never given back and every later write of the
/// process hung. Callers hold it in <c>using</c>. The queue is not re-entrant across contexts: a context holding the
/// writer must not wait on another context's write (its own saves use the writer it holds). An explicit transaction
/// (the bot has none) must hold <see cref="BotDbContext.EnterWriterAsync"/> for its whole span: saved one by one, each
/// save would give the queue back while SQLite's write lock stays taken, and the next writer would wait out
/// <c>busy_timeout</c>.
/// </remarks>
public sealed class SqliteWriteFunnel(SqliteSynchronous synchronous) : DbConnectionInterceptor, IDbCommandInterceptor
{
    /// <summary>How long SQLite waits for another writer (the connection's command timeout, 30 s).</summary>
    public const int BusyTimeoutMilliseconds = 30_000;

    private static readonly object Configured = new();
    private readonly SemaphoreSlim writer = new(1, 1);
    private readonly ConditionalWeakTable<object, object> configured = [];

    // The connection whose context holds the writer now; its write statements are the only ones let through.
    private DbConnection? holder;
    private long generation;
    private long writesEnded;

    /// <summary>
    /// Changes when a write that may change what a decision reads begins and again when it has ended (after its commit):
    /// every write but those entered with changesDecisionFacts false, whose rows (inbound turns, de-duplication ids,
    /// audit lines) no decision reads: the batch writer's and <see cref="InboundTurnStore"/>'s.
    /// Facts read while it kept one value are still true while it keeps it (<see cref="StoredFactsReader"/>): not kept
    /// across a write under way, nor past one that ended during the read.
    /// </summary>
    public long Generation => Interlocked.Read(ref generation);

    /// <summary>
    /// Waits for the writer, for the context on <paramref name="connection"/>; disposing the result gives it back.
    /// <paramref name="changesDecisionFacts"/> false only for writes to rows no decision reads.
    /// </summary>
    public async Task<WriterTurn> EnterAsync(DbConnection connection, CancellationToken cancellationToken, bool changesDecisionFacts = true)
    {
        await writer.WaitAsync(cancellationToken);
        return Held(connection, changesDecisionFacts);
    }

    /// <inheritdoc cref="EnterAsync"/>
    public WriterTurn Enter(DbConnection connection)
    {
        writer.Wait();
        return Held(connection, changesDecisionFacts: true);
    }

    /// <summary>
    /// Waits for the writer for work that writes no row (<see cref="SqliteCheckpointer"/>'s checkpoint): it leaves
    /// <see cref="Generation"/> and <see cref="WritesEnded"/> as they are.
    /// </summary>
    public WriterTurn EnterWithoutWriting(DbConnection connection, CancellationToken cancellationToken)
    {
        writer.Wait(cancellationToken);
        return Held(connection, changesDecisionFacts: false, writes: false);
    }

    /// <summary>How many writes have given the writer back since the process started (<see cref="SqliteCheckpointer"/>
    /// skips a pass when none has).</summary>
    public long WritesEnded => Interlocked.Read(ref writesEnded);

    /// <summary>True while the context on <paramref name="connection"/> holds the writer.</summary>
    public bool IsHeldBy(DbConnection connection) => ReferenceEquals(Volatile.Read(ref holder), connection);

    private WriterTurn Held(DbConnection connection, bool changesDecisionFacts, bool writes = true)
    {
        if (changesDecisionFacts)
            Interlocked.Increment(ref generation);
        Volatile.Write(ref holder, connection);
        return new WriterTurn(this, changesDecisionFacts, writes);
    }

    private void Release(bool changesDecisionFacts, bool writes)
    {
        // After the write's commit: facts read while it was under way, before or after its commit, are not kept.
        if (changesDecisionFacts)
            Interlocked.Increment(ref generation);
        Volatile.Write(ref holder, null);
        if (writes)
            Interlocked.Increment(ref writesEnded);
        writer.Release();
    }

    InterceptionResult<DbDataReader> IDbCommandInterceptor.ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result) =>
        Checked(command, result);

    ValueTask<InterceptionResult<DbDataReader>> IDbCommandInterceptor.ReaderExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken) =>
        ValueTask.FromResult(Checked(command, result));

    InterceptionResult<int> IDbCommandInterceptor.NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result) =>
        Checked(command, result);

    ValueTask<InterceptionResult<int>> IDbCommandInterceptor.NonQueryExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken) =>
        ValueTask.FromResult(Checked(command, result));

    InterceptionResult<object> IDbCommandInterceptor.ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result) =>
        Checked(command, result);

    ValueTask<InterceptionResult<object>> IDbCommandInterceptor.ScalarExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken) =>
        ValueTask.FromResult(Checked(command, result));

    private T Checked<T>(DbCommand command, T result)
    {
        if (SqlStatements.Writes(command.CommandText) && (command.Connection is null || !IsHeldBy(command.Connection)))
            throw new InvalidOperationException(
                "A SQLite write outside the process's writer queue: every write waits its turn there (SqliteWriteFunnel). "
                + "Enter it with BotDbContext.EnterWriterAsync around a set-based update or delete (a save enters it by itself).");
        return result;
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (!NeedsPragma(connection))
            return;
        await using var command = connection.CreateCommand();
        command.CommandText = Pragma;
        await command.ExecuteNonQueryAsync(cancellationToken);
        Remember(connection);
    }

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        if (!NeedsPragma(connection))
            return;
        Configure(connection);
        Remember(connection);
    }

    /// <summary>
    /// Opens a connection of its own on the database at <paramref name="databasePath"/>, with the process's pragmas: not
    /// pooled, so that closing it lets go of the file (<see cref="SqliteBatchWriter"/>'s and <see cref="SqliteCheckpointer"/>'s).
    /// </summary>
    public SqliteConnection OpenOwnConnection(string databasePath)
    {
        var connection = new SqliteConnection(
            new SqliteConnectionStringBuilder(StorageDatabase.SqliteConnectionString(databasePath)) { Pooling = false }.ToString());
        try
        {
            connection.Open();
            Configure(connection);
            return connection;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    /// <summary>Sets the connection's pragmas on one that EF Core does not open (<see cref="OpenOwnConnection"/>).</summary>
    public void Configure(DbConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Pragma;
        command.ExecuteNonQuery();
    }

    // The pragmas hold for the life of the native connection, which the pool hands out again and again (EF opens one per
    // query): set once per native connection, not as an extra statement before every query.
    private bool NeedsPragma(DbConnection connection) =>
        connection is not SqliteConnection { Handle: { } handle } || !configured.TryGetValue(handle, out _);

    private void Remember(DbConnection connection)
    {
        if (connection is SqliteConnection { Handle: { } handle })
            configured.AddOrUpdate(handle, Configured);
    }

    // busy_timeout: a write that still meets a busy database (another process on the file, such as the sqlite3 shell or
    // a backup) is retried by SQLite's own handler, which backs off from 1 ms; Microsoft.Data.Sqlite's retry sleeps 150 ms a time, and those
    // sleeps were the 150 ms reply p99 of one conversation in tests/load.
    // wal_autocheckpoint: SqliteCheckpointer copies the log in the background; a commit copies it itself only if the log
    // grows past the fallback (the checkpointer stopped or fell behind).
    private string Pragma => (synchronous == SqliteSynchronous.Full ? "PRAGMA synchronous=FULL;" : "PRAGMA synchronous=NORMAL;")
        + $" PRAGMA busy_timeout={BusyTimeoutMilliseconds}; PRAGMA wal_autocheckpoint={SqliteCheckpointer.FallbackPages};";

    /// <summary>The writer held by one save or set-based write; given back once, on dispose.</summary>
    public sealed class WriterTurn(SqliteWriteFunnel funnel, bool changesDecisionFacts, bool writes) : IDisposable
    {
        private int released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref released, 1) == 0)
                funnel.Release(changesDecisionFacts, writes);
        }
    }
}
