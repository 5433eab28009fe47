using JobSheetQA.Bot.Storage;
using JobSheetQA.Bot.Tests.Storage.Support;

namespace JobSheetQA.Bot.Tests.Storage;

public abstract class InboundDeduplicatorTests(IStorageTestDatabase database) : StorageTests(database)
{
    [Fact]
    public async Task Of_twenty_parallel_deliveries_of_one_event_exactly_one_is_processed()
    {
        var inbound = Get<InboundDeduplicator>();

        var results = await RaceAsync(20, _ => inbound.TryMarkProcessedAsync("slack", "Ev0123ABCD", Now));

        Assert.Single(results, processed => processed);
    }

    [Fact]
    public async Task A_retried_event_is_a_duplicate_but_the_same_id_on_another_channel_is_not()
    {
        var inbound = Get<InboundDeduplicator>();

        Assert.True(await inbound.TryMarkProcessedAsync("teams", "1234567890", Now));
        Assert.False(await inbound.TryMarkProcessedAsync("teams", "1234567890", Now.AddSeconds(3)));
        Assert.True(await inbound.TryMarkProcessedAsync("slack", "1234567890", Now));
    }

    [Fact]
    public async Task Pruning_forgets_only_ids_received_before_the_cutoff()
    {
        var inbound = Get<InboundDeduplicator>();
        await inbound.TryMarkProcessedAsync("slack", "old", Now.AddDays(-2));
        await inbound.TryMarkProcessedAsync("slack", "recent", Now);

        Assert.Equal(1, await inbound.PruneAsync(Now.AddDays(-1)));

        Assert.True(await inbound.TryMarkProcessedAsync("slack", "old", Now));
        Assert.False(await inbound.TryMarkProcessedAsync("slack", "recent", Now));
    }

    public sealed class OnSqlite() : InboundDeduplicatorTests(new SqliteTestDatabase());

    [Collection(PostgresCollection.Name)]
    public sealed class OnPostgreSql(PostgresCluster cluster) : InboundDeduplicatorTests(cluster);
}
