using JobSheetQA.Bot.Channels.Inbound;
using JobSheetQA.Bot.Storage;
using JobSheetQA.Bot.Tests.Storage.Support;
using JobSheetQA.Bot.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace JobSheetQA.Bot.Tests.Channels.Inbound;

/// <summary>
/// Issue #16, the inbound queue's memory in front of the database: a redelivery of a recently accepted id is refused
/// without a database round trip, a new id is always stored first, and an accepted turn is handed to the workers in
/// memory (still claimed in the database).
/// </summary>
public sealed class InboundTurnQueueTests : IAsyncLifetime
{
    private StorageTestHost storage = null!;

    public async Task InitializeAsync() => storage = await new SqliteTestDatabase().StartAsync();

    public async Task DisposeAsync() => await storage.DisposeAsync();

    [Fact]
    public async Task A_redelivery_of_a_recently_accepted_id_is_refused_from_memory_while_a_new_id_is_stored_first()
    {
        var database = new SwitchableDatabase(storage.Get<IDbContextFactory<BotDbContext>>());
        var queue = new InboundTurnQueue(new InboundTurnStore(database), TimeProvider.System, TestMetrics.Create(), Options.Create(new InboundOptions()));

        Assert.Equal(InboundAcceptance.Accepted, await queue.AcceptAsync(Turn("event:Ev1", alsoKnownAs: "C1:100.1"), capacity: null, default));
        database.Gone = true;

        Assert.Equal(InboundAcceptance.Duplicate, await queue.AcceptAsync(Turn("event:Ev1"), capacity: null, default));
        // Another event for the same message: its other id was remembered too.
        Assert.Equal(InboundAcceptance.Duplicate, await queue.AcceptAsync(Turn("event:Ev2", alsoKnownAs: "C1:100.1"), capacity: null, default));
        // A new delivery is never answered before it is stored.
        await Assert.ThrowsAsync<InvalidOperationException>(() => queue.AcceptAsync(Turn("event:Ev3"), capacity: null, default));
    }

    [Fact]
    public async Task An_accepted_turn_is_claimed_as_it_is_stored_and_handed_over_in_memory_with_its_payload_and_a_duplicate_is_not()
    {
        var queue = new InboundTurnQueue(storage.Get<InboundTurnStore>(), TimeProvider.System, TestMetrics.Create(), Options.Create(new InboundOptions()));

        Assert.Equal(InboundAcceptance.Accepted, await queue.AcceptAsync(Turn("m1"), capacity: null, default));
        Assert.Equal(InboundAcceptance.Duplicate, await queue.AcceptAsync(Turn("m1"), capacity: null, default));

        Assert.Equal(1, queue.Waiting);
        Assert.True(queue.TryTakeAccepted(out var handed));
        var turn = handed.Turn;
        Assert.Equal(("slack", "m1", "slack:C1", """{"text":"m1"}""", 1), (turn.Channel, turn.InboundId, turn.ConversationKey, turn.Payload, turn.Attempt));
        Assert.False(queue.TryTakeAccepted(out _));

        // Claimed for this process in the same write, and kept by its claims until a worker is done with it.
        var stored = await storage.Get<InboundTurnStore>().FindAsync(turn.Id);
        Assert.Equal((InboundTurnState.Processing, 1, queue.Claims.Owner), (stored?.State, stored?.Attempts, stored?.LeaseOwner));
        Assert.NotNull(handed.Claim);
        Assert.Contains(queue.Claims.Held, held => held.Key == turn.Id && held.Value == handed.Claim);
    }

    [Fact]
    public async Task A_turn_behind_an_unfinished_turn_handled_here_waits_in_memory_and_is_handed_over_when_that_turn_is_finished()
    {
        var queue = new InboundTurnQueue(storage.Get<InboundTurnStore>(), TimeProvider.System, TestMetrics.Create(), Options.Create(new InboundOptions()));
        await queue.AcceptAsync(Turn("m1"), capacity: null, default);
        Assert.True(queue.TryTakeAccepted(out var first));
        var backlog = queue.Backlog;

        Assert.Equal(InboundAcceptance.Accepted, await queue.AcceptAsync(Turn("m2"), capacity: null, default));

        // Stored, not claimed (its conversation's first turn is unfinished), and not handed over yet; no look in the database.
        Assert.False(queue.TryTakeAccepted(out _));
        Assert.Equal(backlog, queue.Backlog);
        await using (var db = await storage.Get<IDbContextFactory<BotDbContext>>().CreateDbContextAsync())
            Assert.Equal(InboundTurnState.Accepted, (await db.InboundTurns.SingleAsync(t => t.InboundId == "m2")).State);

        queue.ConversationFreed(first.Turn.ConversationKey);

        Assert.True(queue.TryTakeAccepted(out var second));
        Assert.Equal(("m2", null), (second.Turn.InboundId, second.Claim));
    }

    [Fact]
    public async Task Turns_waiting_behind_a_turn_that_failed_and_is_due_again_later_are_left_to_the_database()
    {
        var queue = new InboundTurnQueue(storage.Get<InboundTurnStore>(), TimeProvider.System, TestMetrics.Create(), Options.Create(new InboundOptions()));
        await queue.AcceptAsync(Turn("m1"), capacity: null, default);
        Assert.True(queue.TryTakeAccepted(out var first));
        await queue.AcceptAsync(Turn("m2"), capacity: null, default);
        queue.BacklogLookedAt(queue.Backlog);
        Assert.Equal(0, queue.Backlog);

        queue.ConversationPaused(first.Turn.ConversationKey);

        // Not handed over (it could not be claimed before the failed turn is done); a worker looks in the database.
        Assert.False(queue.TryTakeAccepted(out _));
        Assert.NotEqual(0, queue.Backlog);
    }

    [Fact]
    public async Task A_turn_of_a_channel_that_bounds_its_waiting_turns_waits_unclaimed_and_is_counted()
    {
        var queue = new InboundTurnQueue(storage.Get<InboundTurnStore>(), TimeProvider.System, TestMetrics.Create(), Options.Create(new InboundOptions()));

        Assert.Equal(InboundAcceptance.Accepted, await queue.AcceptAsync(Turn("m1"), capacity: 2, default));

        Assert.True(queue.TryTakeAccepted(out var handed));
        Assert.Null(handed.Claim);
        Assert.Equal(1, await storage.Get<InboundTurnStore>().CountWaitingAsync("slack"));
    }

    private static InboundTurnAcceptance Turn(string inboundId, string? alsoKnownAs = null) =>
        new("slack", inboundId, "slack:C1", $$"""{"text":"{{inboundId}}"}""", alsoKnownAs is null ? null : [alsoKnownAs]);

    /// <summary>The test's database until <see cref="Gone"/>; then every attempt to reach it throws.</summary>
    private sealed class SwitchableDatabase(IDbContextFactory<BotDbContext> database) : IDbContextFactory<BotDbContext>
    {
        public bool Gone { get; set; }

        public BotDbContext CreateDbContext() =>
            Gone ? throw new InvalidOperationException("the database is gone") : database.CreateDbContext();
    }
}
