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
/// through one async queue instead: writers wait their turn without polling, readers are never held (WAL). Each
/// connection also runs with <c>synchronous=NORMAL</c>, SQLite's advice for WAL: a commit survives the process dying,
/// only an operating-system crash or power loss may lose the last commits (<c>Storage:SqliteSynchronous</c> = Full keeps
/// an fsync per commit). Set-based updates (<c>ExecuteUpdate</c>/<c>ExecuteDelete</c>) are single statements and rely
/// on SQLite's busy handler (<c>busy_timeout</c>). One instance only: SQLite's data folder cannot be shared (<see cref="Jobs.SqliteInstanceLock"/>).
/// </summary>
internal sealed class SqliteWriteFunnel(SqliteSynchronous synchronous) : DbConnectionInterceptor, ISaveChangesInterceptor
{
    /// <summary>How long SQLite waits for another writer (the connection's command timeout, 30 s).</summary>
    public const int BusyTimeoutMilliseconds = 30_000;

    private static readonly object Configured = new();
    private readonly SemaphoreSlim writer = new(1, 1);
    private readonly ConditionalWeakTable<object, object> configured = [];

    // The context whose save holds the writer (only one can): a failed save reports through a different callback than
    // it started with. A field, not an AsyncLocal: a value set inside an async interceptor does not flow back out.
    private DbContext? holder;

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

    public async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        await writer.WaitAsync(cancellationToken);
        Volatile.Write(ref holder, eventData.Context);
        return result;
    }

    public InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        writer.Wait();
        Volatile.Write(ref holder, eventData.Context);
        return result;
    }

    public ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Release(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        Release(eventData.Context);
        return result;
    }

    public Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Release(eventData.Context);
        return Task.CompletedTask;
    }

    public void SaveChangesFailed(DbContextErrorEventData eventData) => Release(eventData.Context);

    public Task SaveChangesCanceledAsync(DbContextEventData eventData, CancellationToken cancellationToken = default)
    {
        Release(eventData.Context);
        return Task.CompletedTask;
    }

    public void SaveChangesCanceled(DbContextEventData eventData) => Release(eventData.Context);

    // busy_timeout: a write that still meets a busy database (a set-based update, a job's transaction) is retried by
    // SQLite's own handler, which backs off from 1 ms; Microsoft.Data.Sqlite's retry sleeps 150 ms a time, and those
    // sleeps were the 150 ms reply p99 of one conversation in tests/load.
    private string Pragma => (synchronous == SqliteSynchronous.Full ? "PRAGMA synchronous=FULL;" : "PRAGMA synchronous=NORMAL;")
        + $" PRAGMA busy_timeout={BusyTimeoutMilliseconds};";

    private void Release(DbContext? context)
    {
        // Released only by the save that took it, once.
        if (context is not null && ReferenceEquals(Interlocked.CompareExchange(ref holder, null, context), context))
            writer.Release();
    }
}
