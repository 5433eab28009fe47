using JobSheetQA.Bot.Storage;
using JobSheetQA.Bot.Storage.Entities;
using JobSheetQA.Bot.Tests.Storage.Support;
using JobSheetQA.Bot.Tests.Support;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace JobSheetQA.Bot.Tests.Storage;

/// <summary>
/// Issue #16: on SQLite a turn's own writes (accepted, claimed, done, its audit line) are committed together with the
/// other turns' writes queued meanwhile. A write is answered only once its transaction has committed; a write that
/// fails (a redelivery's unique key, a bug) is undone alone; a transaction SQLite ends by itself fails every write in it.
/// The rest of the behaviour is the stores' own tests, which run on SQLite through this path.
/// </summary>
public sealed class SqliteBatchWriterTests() : StorageTests(new SqliteTestDatabase())
{
    private InboundTurnStore Turns => Storage.Get<InboundTurnStore>();

    private SqliteBatchWriter Writer => Storage.Get<SqliteBatchWriter>();

    [Fact]
    public async Task A_turn_is_answered_accepted_only_once_its_transaction_has_committed()
    {
        await using var holder = Storage.CreateContext();
        var held = await holder.EnterWriterAsync(CancellationToken.None);
        var accepting = Turns.AcceptAsync(Turn("a1"), Now);

        await Task.Delay(TimeSpan.FromMilliseconds(300));
        Assert.False(accepting.IsCompleted, "the turn was answered before it could be written");
        Assert.Equal(0, await Turns.CountWaitingAsync("teams"));

        held!.Dispose();
        Assert.NotNull(await accepting.WaitAsync(TimeSpan.FromSeconds(30)));
        Assert.Equal(1, await Turns.CountWaitingAsync("teams"));
    }

    [Fact]
    public async Task A_redelivery_committed_with_other_turns_is_refused_alone_and_keeps_none_of_its_ids()
    {
        Assert.NotNull(await Turns.AcceptAsync(Turn("seen"), Now));

        var (first, redelivery, last) = await InOneBatchAsync(() => (
            Turns.AcceptAsync(Turn("a1", alsoKnownAs: "x1"), Now),
            // Its own id is new and stored first; the clash is on its second id, so the first must be undone.
            Turns.AcceptAsync(Turn("x2", alsoKnownAs: "seen"), Now),
            Turns.AcceptAsync(Turn("a2"), Now)));

        Assert.NotNull(await first);
        Assert.Null(await redelivery);
        Assert.NotNull(await last);
        Assert.Equal(3, await Turns.CountWaitingAsync("teams"));
        Assert.False(await Storage.Get<InboundDeduplicator>().TryMarkProcessedAsync("teams", "x1", Now));
        Assert.True(await Storage.Get<InboundDeduplicator>().TryMarkProcessedAsync("teams", "x2", Now), "the refused delivery's own id was kept");
    }

    [Fact]
    public async Task A_write_that_throws_fails_alone_and_the_writes_beside_it_commit()
    {
        var (failing, accepting) = await InOneBatchAsync(() => (
            Writer.WriteAsync<int>(statements =>
            {
                statements.Execute("INSERT INTO processed_inbound (channel, inbound_id, received_at) VALUES ('teams', 'undone', '2026-12-03 09:00:00')");
                throw new InvalidOperationException("a write that breaks halfway");
            }),
            Turns.AcceptAsync(Turn("a1"), Now)));

        await Assert.ThrowsAsync<InvalidOperationException>(() => failing);
        Assert.NotNull(await accepting);
        Assert.True(await Storage.Get<InboundDeduplicator>().TryMarkProcessedAsync("teams", "undone", Now), "the failed write's row was kept");
    }

    [Fact]
    public async Task When_SQLite_ends_the_transaction_every_write_in_it_fails_and_the_next_one_commits()
    {
        var (accepting, ending) = await InOneBatchAsync(() => (
            Turns.AcceptAsync(Turn("a1"), Now),
            Writer.WriteAsync(statements => statements.Execute("ROLLBACK"))));

        // The turn was written before the transaction ended: it is not stored, so it must not be answered as accepted.
        await Assert.ThrowsAsync<SqliteException>(() => accepting);
        await Assert.ThrowsAsync<SqliteException>(() => ending);
        Assert.Equal(0, await Turns.CountWaitingAsync("teams"));

        Assert.NotNull(await Turns.AcceptAsync(Turn("a1"), Now).WaitAsync(TimeSpan.FromSeconds(30)));
        Assert.Equal(1, await Turns.CountWaitingAsync("teams"));
    }

    [Fact]
    public async Task Times_are_stored_exactly_as_EF_Core_stores_them()
    {
        var at = Now.AddTicks(1_234_567); // below the microsecond too, which both truncate
        await Turns.AcceptAsync(Turn("a1"), at);
        await using (var db = Storage.CreateContext())
        {
            db.ProcessedInbound.Add(new ProcessedInboundEntity { Channel = "teams", InboundId = "by-ef", ReceivedAt = at });
            await db.SaveChangesAsync();
        }

        await using var check = Storage.CreateContext();
        var stored = await check.Database.SqlQuery<string>($"SELECT received_at AS Value FROM processed_inbound ORDER BY inbound_id").ToListAsync();
        Assert.Equal(["2026-11-26 09:00:00.123456", "2026-11-26 09:00:00.123456"], stored);
        var turn = await check.InboundTurns.SingleAsync(t => t.AcceptedAt == at && t.NextAttemptAt <= at);
        Assert.Equal(new DateTimeOffset(2026, 11, 26, 9, 0, 0, 123, 456, TimeSpan.Zero), turn.AcceptedAt);
    }

    [Fact]
    public async Task Writes_queued_when_the_writer_is_disposed_still_commit()
    {
        await using var holder = Storage.CreateContext();
        var held = await holder.EnterWriterAsync(CancellationToken.None);
        var accepting = Turns.AcceptAsync(Turn("a1"), Now);
        var disposing = Writer.DisposeAsync().AsTask();

        held!.Dispose();
        await disposing.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.NotNull(await accepting.WaitAsync(TimeSpan.FromSeconds(30)));
        await Assert.ThrowsAsync<ObjectDisposedException>(() => Writer.WriteAsync(_ => 0));
    }

    /// <summary>
    /// Queues the writes <paramref name="queue"/> starts while the writer is held and the batch writer is waiting for it,
    /// so that they are taken together as its next batch; returns them once that batch has run.
    /// </summary>
    private async Task<T> InOneBatchAsync<T>(Func<T> queue)
    {
        await using var holder = Storage.CreateContext();
        T writes;
        Task<int> waiting;
        using (await holder.EnterWriterAsync(CancellationToken.None))
        {
            waiting = Writer.WriteAsync(_ => 0);
            await Eventually.TrueAsync(() => Writer.Queued == 0, "the batch writer to take its first write and wait for the writer", TimeSpan.FromSeconds(10));
            writes = queue();
            Assert.True(Writer.Queued > 0, "no write was queued");
        }

        await waiting.WaitAsync(TimeSpan.FromSeconds(30));
        return writes;
    }

    private static InboundTurnAcceptance Turn(string id, string? alsoKnownAs = null) =>
        new("teams", id, "conversation", "{}", alsoKnownAs is null ? null : [alsoKnownAs]);
}
