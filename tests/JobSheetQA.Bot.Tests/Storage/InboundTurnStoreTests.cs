using System.Collections.Concurrent;
using JobSheetQA.Bot.Storage;
using JobSheetQA.Bot.Tests.Storage.Support;

namespace JobSheetQA.Bot.Tests.Storage;

/// <summary>
/// The durable inbound queue on both databases: accepted once per delivery (with its de-duplication ids, atomically),
/// claimed by exactly one worker, one turn per conversation at a time and oldest first, a lapsed claim taken again, a
/// failed turn tried again later or given up.
/// </summary>
public abstract class InboundTurnStoreTests(IStorageTestDatabase database) : StorageTests(database)
{
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(1);

    [Fact]
    public async Task A_delivery_is_accepted_once_and_a_clash_on_any_of_its_ids_stores_nothing()
    {
        var turns = Get<InboundTurnStore>();

        Assert.NotNull(await turns.AcceptAsync(Turn("event:Ev1", "C1", alsoKnownAs: "C1:100.1"), Now));
        Assert.Null(await turns.AcceptAsync(Turn("event:Ev1", "C1"), Now));
        // Another event for the same message (its (channel, ts) id was taken): refused, and its own event id is not kept.
        Assert.Null(await turns.AcceptAsync(Turn("event:Ev2", "C1", alsoKnownAs: "C1:100.1"), Now));
        Assert.NotNull(await turns.AcceptAsync(Turn("event:Ev2", "C1", alsoKnownAs: "C1:100.2"), Now));
        Assert.False(await Get<InboundDeduplicator>().TryMarkProcessedAsync("slack", "C1:100.2", Now));
        Assert.Equal(2, await turns.CountWaitingAsync("slack"));
    }

    [Fact]
    public async Task A_conversations_turns_are_claimed_one_at_a_time_oldest_first_while_other_conversations_go_on()
    {
        var turns = Get<InboundTurnStore>();
        var a1 = await turns.AcceptAsync(Turn("a1", "A"), Now);
        var a2 = await turns.AcceptAsync(Turn("a2", "A"), Now);
        var b1 = await turns.AcceptAsync(Turn("b1", "B"), Now);

        Assert.Equal(a1, (await turns.TryClaimNextAsync("w1", Now, Lease))?.Id);
        Assert.Equal(b1, (await turns.TryClaimNextAsync("w2", Now, Lease))?.Id);
        Assert.Null(await turns.TryClaimNextAsync("w3", Now, Lease));

        Assert.True(await turns.CompleteAsync(a1!.Value, "w1", Now));
        Assert.Equal(a2, (await turns.TryClaimNextAsync("w3", Now, Lease))?.Id);
    }

    [Fact]
    public async Task Of_eight_racing_workers_each_turn_is_claimed_exactly_once_and_in_order_per_conversation()
    {
        var turns = Get<InboundTurnStore>();
        var accepted = new List<(long Id, string Conversation)>();
        for (var i = 0; i < 24; i++)
            accepted.Add(((await turns.AcceptAsync(Turn($"t{i}", $"c{i % 4}"), Now))!.Value, $"c{i % 4}"));

        var handled = new ConcurrentQueue<long>();
        await RaceAsync(8, async worker =>
        {
            var owner = $"w{worker}";
            var idle = 0;
            while (idle < 20)
            {
                var turn = await turns.TryClaimNextAsync(owner, Now, Lease);
                if (turn is null)
                {
                    idle++;
                    await Task.Delay(5);
                    continue;
                }

                handled.Enqueue(turn.Id);
                Assert.True(await turns.CompleteAsync(turn.Id, owner, Now));
            }

            return true;
        });

        Assert.Equal(accepted.Select(t => t.Id).Order(), handled.Order());
        var position = handled.Select((id, index) => (id, index)).ToDictionary(p => p.id, p => p.index);
        foreach (var conversation in accepted.GroupBy(t => t.Conversation))
        {
            var order = conversation.Select(t => position[t.Id]).ToList();
            Assert.Equal(order.Order(), order);
        }
    }

    [Fact]
    public async Task A_turn_handed_over_in_memory_is_claimed_by_id_once_only_when_first_in_its_conversation_and_on_its_first_attempt()
    {
        var turns = Get<InboundTurnStore>();
        var a1 = (await turns.AcceptAsync(Turn("a1", "A"), Now))!.Value;
        var a2 = (await turns.AcceptAsync(Turn("a2", "A"), Now))!.Value;
        var b1 = (await turns.AcceptAsync(Turn("b1", "B"), Now))!.Value;

        Assert.False(await turns.TryClaimAcceptedAsync(a2, "w1", Now, Lease)); // behind a1
        Assert.True(await turns.TryClaimAcceptedAsync(a1, "w1", Now, Lease));
        Assert.False(await turns.TryClaimAcceptedAsync(a1, "w2", Now, Lease)); // taken
        Assert.False(await turns.TryClaimAcceptedAsync(a2, "w2", Now, Lease)); // a1 still unfinished
        Assert.Equal(b1, (await turns.TryClaimNextAsync("w2", Now, Lease))?.Id);
        Assert.False(await turns.TryClaimAcceptedAsync(b1, "w3", Now, Lease));

        var claimed = await turns.FindAsync(a1);
        Assert.Equal((InboundTurnState.Processing, 1, "w1"), (claimed!.State, claimed.Attempts, claimed.LeaseOwner));

        // Failed and due again: only the database look takes it, counting the attempt.
        Assert.True(await turns.FailAsync(a1, "w1", "boom", Now, retryAt: Now));
        Assert.False(await turns.TryClaimAcceptedAsync(a1, "w2", Now, Lease));
        Assert.Equal((a1, 2), await turns.TryClaimNextAsync("w2", Now, Lease) is { } again ? (again.Id, again.Attempts) : default);
        Assert.True(await turns.CompleteAsync(a1, "w2", Now));
        Assert.True(await turns.TryClaimAcceptedAsync(a2, "w3", Now, Lease));
    }

    [Fact]
    public async Task A_turn_accepted_and_claimed_at_once_is_claimed_only_when_first_in_its_conversation_and_a_redelivery_is_refused()
    {
        var turns = Get<InboundTurnStore>();

        var a1 = await turns.AcceptAndClaimAsync(Turn("a1", "A"), Now, "w1", Lease);
        var a2 = await turns.AcceptAndClaimAsync(Turn("a2", "A"), Now, "w1", Lease);
        var b1 = await turns.AcceptAndClaimAsync(Turn("b1", "B"), Now, "w1", Lease);

        Assert.True(a1?.Claimed);
        Assert.False(a2?.Claimed); // behind a1
        Assert.True(b1?.Claimed);
        Assert.Null(await turns.AcceptAndClaimAsync(Turn("a1", "A"), Now, "w1", Lease));
        var claimed = await turns.FindAsync(a1!.Value.Id);
        Assert.Equal((InboundTurnState.Processing, 1, "w1", Now + Lease), (claimed!.State, claimed.Attempts, claimed.LeaseOwner, claimed.LeaseUntil));
        Assert.Equal(InboundTurnState.Accepted, (await turns.FindAsync(a2!.Value.Id))!.State);

        // Neither claimed turn is there for a look in the database; the unclaimed one goes once a1 is done.
        Assert.Null(await turns.TryClaimNextAsync("w2", Now, Lease));
        Assert.True(await turns.CompleteAsync(a1.Value.Id, "w1", Now));
        Assert.True(await turns.TryClaimAcceptedAsync(a2.Value.Id, "w1", Now, Lease));
    }

    [Fact]
    public async Task A_claim_that_lapsed_is_taken_again_and_its_first_holder_can_no_longer_finish_it()
    {
        var turns = Get<InboundTurnStore>();
        var id = await turns.AcceptAsync(Turn("t", "A"), Now);
        Assert.Equal(1, (await turns.TryClaimNextAsync("dead", Now, Lease))?.Attempts);

        Assert.Null(await turns.TryClaimNextAsync("alive", Now + Lease / 2, Lease));
        var again = await turns.TryClaimNextAsync("alive", Now + Lease + TimeSpan.FromSeconds(1), Lease);

        Assert.Equal((id, 2), (again?.Id, again?.Attempts));
        Assert.False(await turns.CompleteAsync(id!.Value, "dead", Now));
        Assert.True(await turns.CompleteAsync(id.Value, "alive", Now));
    }

    [Fact]
    public async Task Releasing_every_claim_at_start_up_lets_a_dead_processs_turn_be_taken_at_once()
    {
        var turns = Get<InboundTurnStore>();
        var id = await turns.AcceptAsync(Turn("t", "A"), Now);
        await turns.TryClaimNextAsync("dead", Now, Lease);

        Assert.Equal(1, await turns.ReleaseAllClaimsAsync(Now));

        Assert.Equal(id, (await turns.TryClaimNextAsync("restarted", Now, Lease))?.Id);
    }

    [Fact]
    public async Task A_failed_turn_waits_for_its_retry_and_holds_its_conversation_until_then_and_a_given_up_one_does_not()
    {
        var turns = Get<InboundTurnStore>();
        var first = (await turns.AcceptAsync(Turn("first", "A"), Now))!.Value;
        var second = (await turns.AcceptAsync(Turn("second", "A"), Now))!.Value;
        await turns.TryClaimNextAsync("w", Now, Lease);

        Assert.True(await turns.FailAsync(first, "w", "boom", Now, Now.AddSeconds(10)));
        Assert.Null(await turns.TryClaimNextAsync("w", Now.AddSeconds(5), Lease));
        var retried = await turns.TryClaimNextAsync("w", Now.AddSeconds(11), Lease);
        Assert.Equal((first, 2, "boom"), (retried?.Id, retried?.Attempts, retried?.LastError));

        Assert.True(await turns.FailAsync(first, "w", "boom again", Now.AddSeconds(11), retryAt: null));
        Assert.Equal(InboundTurnState.GivenUp, (await turns.FindAsync(first))?.State);
        Assert.Equal(second, (await turns.TryClaimNextAsync("w", Now.AddSeconds(11), Lease))?.Id);
    }

    [Fact]
    public async Task Pruning_keeps_an_unfinished_turn_and_its_id_and_forgets_finished_ones()
    {
        var turns = Get<InboundTurnStore>();
        var done = (await turns.AcceptAsync(Turn("done", "A"), Now.AddDays(-10)))!.Value;
        await turns.AcceptAsync(Turn("waiting", "B"), Now.AddDays(-10));
        await turns.TryClaimNextAsync("w", Now.AddDays(-10), Lease);
        await turns.CompleteAsync(done, "w", Now.AddDays(-10));

        Assert.Equal(1, await turns.PruneAsync(Now.AddDays(-7)));
        Assert.Equal(1, await Get<InboundDeduplicator>().PruneAsync(Now.AddDays(-7)));

        Assert.Null(await turns.FindAsync(done));
        Assert.Equal(1, await turns.CountWaitingAsync("slack"));
        Assert.False(await Get<InboundDeduplicator>().TryMarkProcessedAsync("slack", "waiting", Now));
    }

    private static InboundTurnAcceptance Turn(string inboundId, string conversation, string? alsoKnownAs = null) =>
        new("slack", inboundId, $"slack:{conversation}", $$"""{"text":"{{inboundId}}"}""", alsoKnownAs is null ? null : [alsoKnownAs]);

    public sealed class OnSqlite() : InboundTurnStoreTests(new SqliteTestDatabase());

    [Collection(PostgresCollection.Name)]
    public sealed class OnPostgreSql(PostgresCluster cluster) : InboundTurnStoreTests(cluster);
}
