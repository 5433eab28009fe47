using JobSheetQA.Bot.Storage;
using JobSheetQA.Bot.Storage.Entities;
using JobSheetQA.Bot.Tests.Storage.Support;
using Microsoft.EntityFrameworkCore;

namespace JobSheetQA.Bot.Tests.Storage;

/// <summary>
/// Issue #16: every SQLite write of the process waits its turn for one writer, set-based updates included. Before, the
/// claim and the completion of a turn (ExecuteUpdate) met the queued saves in SQLite itself and slept in its busy handler
/// (~300 sleeps of 1–10 ms a second under tests/load). A write made outside the queue is refused, so the rest of the
/// storage tests, which all run on SQLite, show that no store method forgets it.
/// </summary>
public sealed class SqliteWriteFunnelTests() : StorageTests(new SqliteTestDatabase())
{
    [Fact]
    public async Task A_set_based_write_made_without_the_writer_is_refused_and_goes_through_with_it()
    {
        await using var db = Storage.CreateContext();

        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => db.InboundTurns.ExecuteDeleteAsync());
        Assert.Contains("writer queue", refused.Message, StringComparison.Ordinal);

        using (await db.EnterWriterAsync(CancellationToken.None))
            Assert.Equal(0, await db.InboundTurns.ExecuteDeleteAsync());
    }

    [Fact]
    public async Task A_set_based_write_of_a_store_waits_while_another_context_holds_the_writer()
    {
        var turns = Storage.Get<InboundTurnStore>();
        var id = (await turns.AcceptAsync(new InboundTurnAcceptance("teams", "a1", "conv", "{}"), Now))!.Value;
        Assert.True(await turns.TryClaimAcceptedAsync(id, "me", Now, TimeSpan.FromMinutes(5)));

        await using var holder = Storage.CreateContext();
        var held = await holder.EnterWriterAsync(CancellationToken.None);
        var completing = turns.CompleteAsync(id, "me", Now);

        // Without the queue the update would be done at once (holding the queue takes no lock in SQLite).
        await Task.Delay(TimeSpan.FromMilliseconds(300));
        Assert.False(completing.IsCompleted, "the completion did not wait for the writer");

        held!.Dispose();
        Assert.True(await completing.WaitAsync(TimeSpan.FromSeconds(30)));
        Assert.Equal(InboundTurnState.Done, (await turns.FindAsync(id))!.State);
    }

    [Fact]
    public async Task A_context_holding_the_writer_saves_with_it_instead_of_queueing_behind_itself()
    {
        await using var db = Storage.CreateContext();
        using (await db.EnterWriterAsync(CancellationToken.None))
        {
            db.ProcessedInbound.Add(new ProcessedInboundEntity { Channel = "teams", InboundId = "held", ReceivedAt = Now });
            Assert.Equal(1, await db.SaveChangesAsync().WaitAsync(TimeSpan.FromSeconds(30)));
            Assert.Equal(1, await db.ProcessedInbound.Where(p => p.InboundId == "held").ExecuteDeleteAsync());
        }

        // Given back: another context's save goes through.
        await using var other = Storage.CreateContext();
        other.ProcessedInbound.Add(new ProcessedInboundEntity { Channel = "teams", InboundId = "after", ReceivedAt = Now });
        Assert.Equal(1, await other.SaveChangesAsync().WaitAsync(TimeSpan.FromSeconds(30)));
    }

    [Fact]
    public async Task A_context_cannot_take_the_writer_twice()
    {
        await using var db = Storage.CreateContext();
        using var held = await db.EnterWriterAsync(CancellationToken.None);
        await Assert.ThrowsAsync<InvalidOperationException>(() => db.EnterWriterAsync(CancellationToken.None));
    }
}
