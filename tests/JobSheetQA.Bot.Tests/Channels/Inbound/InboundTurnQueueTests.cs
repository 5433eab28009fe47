using JobSheetQA.Bot.Channels.Inbound;
using JobSheetQA.Bot.Storage;
using JobSheetQA.Bot.Tests.Storage.Support;
using JobSheetQA.Bot.Tests.Support;
using Microsoft.EntityFrameworkCore;

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
        var queue = new InboundTurnQueue(new InboundTurnStore(database), TimeProvider.System, TestMetrics.Create());

        Assert.Equal(InboundAcceptance.Accepted, await queue.AcceptAsync(Turn("event:Ev1", alsoKnownAs: "C1:100.1"), capacity: null, default));
        database.Gone = true;

        Assert.Equal(InboundAcceptance.Duplicate, await queue.AcceptAsync(Turn("event:Ev1"), capacity: null, default));
        // Another event for the same message: its other id was remembered too.
        Assert.Equal(InboundAcceptance.Duplicate, await queue.AcceptAsync(Turn("event:Ev2", alsoKnownAs: "C1:100.1"), capacity: null, default));
        // A new delivery is never answered before it is stored.
        await Assert.ThrowsAsync<InvalidOperationException>(() => queue.AcceptAsync(Turn("event:Ev3"), capacity: null, default));
    }

    [Fact]
    public async Task An_accepted_turn_is_handed_over_in_memory_with_its_payload_and_a_duplicate_is_not()
    {
        var queue = new InboundTurnQueue(storage.Get<InboundTurnStore>(), TimeProvider.System, TestMetrics.Create());

        Assert.Equal(InboundAcceptance.Accepted, await queue.AcceptAsync(Turn("m1"), capacity: null, default));
        Assert.Equal(InboundAcceptance.Duplicate, await queue.AcceptAsync(Turn("m1"), capacity: null, default));

        Assert.Equal(1, queue.Waiting);
        Assert.True(queue.TryTakeAccepted(out var handed));
        Assert.Equal(("slack", "m1", "slack:C1", """{"text":"m1"}""", 1), (handed.Channel, handed.InboundId, handed.ConversationKey, handed.Payload, handed.Attempt));
        Assert.False(queue.TryTakeAccepted(out _));
        Assert.Equal(InboundTurnState.Accepted, (await storage.Get<InboundTurnStore>().FindAsync(handed.Id))?.State);
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
