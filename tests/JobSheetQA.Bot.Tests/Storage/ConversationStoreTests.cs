using JobSheetQA.Bot.Storage;
using JobSheetQA.Bot.Storage.Entities;
using JobSheetQA.Bot.Tests.Storage.Support;

namespace JobSheetQA.Bot.Tests.Storage;

public abstract class ConversationStoreTests(IStorageTestDatabase database) : StorageTests(database)
{
    private static ConversationReferenceEntity Teams(string threadId) => new()
    {
        Channel = "teams",
        ConversationId = "19:release@thread.tacv2",
        ServiceUrl = "https://smba.trafficmanager.net/emea/",
        TeamId = "19:team@thread.tacv2",
        ChannelId = "19:release@thread.tacv2",
        TenantId = "tenant-1",
        BotId = "28:bot",
        ThreadId = threadId,
    };

    [Fact]
    public async Task A_conversation_is_stored_once_and_updated_when_seen_again()
    {
        var store = Get<ConversationStore>();

        var first = await store.UpsertReferenceAsync(Teams("1700000000001"), Now);
        var second = await store.UpsertReferenceAsync(Teams("1700000000002"), Now.AddMinutes(1));

        Assert.Equal(first, second);
        var stored = await store.FindReferenceAsync("teams", "19:release@thread.tacv2");
        Assert.Equal("1700000000002", stored!.ThreadId);
        Assert.Equal(Now.AddMinutes(1), stored.UpdatedAt);
        Assert.Equal("https://smba.trafficmanager.net/emea/", (await store.FindReferenceAsync(first))!.ServiceUrl);
    }

    [Fact]
    public async Task A_turn_in_a_known_unchanged_conversation_writes_nothing_until_the_trust_runs_out()
    {
        var store = Get<ConversationStore>();
        var id = await store.UpsertReferenceAsync(Teams("1"), Now);

        Assert.Equal(id, await store.UpsertReferenceAsync(Teams("1"), Now.AddMinutes(1)));
        Assert.Equal(Now, (await store.FindReferenceAsync(id))!.UpdatedAt);

        var later = Now + ConversationStore.WrittenReferenceTrust + TimeSpan.FromSeconds(1);
        Assert.Equal(id, await store.UpsertReferenceAsync(Teams("1"), later));
        Assert.Equal(later, (await store.FindReferenceAsync(id))!.UpdatedAt);
    }

    [Fact]
    public async Task A_forgotten_conversation_seen_again_is_written_again()
    {
        var store = Get<ConversationStore>();
        await store.UpsertReferenceAsync(Teams("1"), Now);
        await store.ForgetReferenceAsync("teams", "19:release@thread.tacv2");

        var id = await store.UpsertReferenceAsync(Teams("1"), Now.AddSeconds(1));

        Assert.NotNull(await store.FindReferenceAsync(id));
    }

    [Fact]
    public async Task Parallel_first_sightings_of_a_conversation_make_one_reference()
    {
        var store = Get<ConversationStore>();

        var ids = await RaceAsync(10, i => store.UpsertReferenceAsync(Teams($"thread-{i}"), Now));

        Assert.Single(ids.Distinct());
    }

    [Fact]
    public async Task A_conversation_has_at_most_one_subscription_and_can_leave_it()
    {
        var store = Get<ConversationStore>();
        var channel = await store.UpsertReferenceAsync(Teams("1"), Now);
        var other = await store.UpsertReferenceAsync(new ConversationReferenceEntity { Channel = "slack", ConversationId = "C024BE91L" }, Now);

        await store.SubscribeAsync(channel, includeOutcomes: false, Now);
        await store.SubscribeAsync(channel, includeOutcomes: true, Now.AddMinutes(1));
        await store.SubscribeAsync(other, includeOutcomes: false, Now);

        var all = await store.SubscriptionsAsync();
        Assert.Equal(2, all.Count);
        var outcomes = Assert.Single(await store.SubscriptionsAsync(outcomesOnly: true));
        Assert.Equal("19:release@thread.tacv2", outcomes.ConversationReference!.ConversationId);

        Assert.True(await store.UnsubscribeAsync(channel));
        Assert.False(await store.UnsubscribeAsync(channel));
        Assert.Equal("C024BE91L", Assert.Single(await store.SubscriptionsAsync()).ConversationReference!.ConversationId);
    }

    public sealed class OnSqlite() : ConversationStoreTests(new SqliteTestDatabase());

    [Collection(PostgresCollection.Name)]
    public sealed class OnPostgreSql(PostgresCluster cluster) : ConversationStoreTests(cluster);
}
