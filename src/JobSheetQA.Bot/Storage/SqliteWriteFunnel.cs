using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace JobSheetQA.Bot.Storage;

/// <summary>
/// SQLite takes one writer at a time, and a second one is not queued: it gets SQLITE_BUSY and Microsoft.Data.Sqlite
/// sleeps and retries it until the busy timeout, so under concurrent turns a write waits for whole retry intervals
/// (tests/load measured p99 in the hundreds of milliseconds). This funnels every <c>SaveChanges</c> of the process
/// through one async queue instead (<see cref="BotDbContext"/> enters it around each save): writers wait their turn
/// without polling, readers are never held (WAL). Each connection also runs with <c>synchronous=NORMAL</c>, SQLite's
/// advice for WAL: a commit survives the process dying, only an operating-system crash or power loss may lose the last
/// commits (<c>Storage:SqliteSynchronous</c> = Full keeps an fsync per commit). Set-based updates
/// (<c>ExecuteUpdate</c>/<c>ExecuteDelete</c>) are single statements and rely on SQLite's busy handler
/// (<c>busy_timeout</c>). One instance only: SQLite's data folder cannot be shared (<see cref="Jobs.SqliteInstanceLock"/>).
/// </summary>
/// <remarks>
/// Not an <c>ISaveChangesInterceptor</c>: EF Core reports a save that fails on a concurrency token to no interceptor
/// callback that ends the save, so a writer taken there was never given back and every later write of the process hung.
/// The queue is per save: an explicit transaction spanning several saves would hold SQLite's write lock while waiting
/// for the queue, and a writer holding the queue would wait on that lock (up to <c>busy_timeout</c>); the bot has none.
/// </remarks>
internal sealed class SqliteWriteFunnel(SqliteSynchronous synchronous) : DbConnectionInterceptor
{
    /// <summary>How long SQLite waits for another writer (the connection's command timeout, 30 s).</summary>
    public const int BusyTimeoutMilliseconds = 30_000;

    private static readonly object Configured = new();
    private readonly SemaphoreSlim writer = new(1, 1);
    private readonly ConditionalWeakTable<object, object> configured = [];

    /// <summary>Waits for the writer; disposing the result gives it back.</summary>
    public async Task<WriterTurn> EnterAsync(CancellationToken cancellationToken)
    {
        await writer.WaitAsync(cancellationToken);
        return new WriterTurn(writer);
    }

    /// <inheritdoc cref="EnterAsync"/>
    public WriterTurn Enter()
    {
        writer.Wait();
        return new WriterTurn(writer);
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
        using var command = connection.CreateCommand();
        command.CommandText = Pragma;
        command.ExecuteNonQuery();
        Remember(connection);
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

    // busy_timeout: a write that still meets a busy database (a set-based update, a job's transaction) is retried by
    // SQLite's own handler, which backs off from 1 ms; Microsoft.Data.Sqlite's retry sleeps 150 ms a time, and those
    // sleeps were the 150 ms reply p99 of one conversation in tests/load.
    private string Pragma => (synchronous == SqliteSynchronous.Full ? "PRAGMA synchronous=FULL;" : "PRAGMA synchronous=NORMAL;")
        + $" PRAGMA busy_timeout={BusyTimeoutMilliseconds};";

    /// <summary>The writer held by one save; given back once, on dispose.</summary>
    public sealed class WriterTurn(SemaphoreSlim writer) : IDisposable
    {
        private int released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref released, 1) == 0)
                writer.Release();
        }
    }
}
