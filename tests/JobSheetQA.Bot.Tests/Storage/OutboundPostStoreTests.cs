using JobSheetQA.Bot.Storage;
using JobSheetQA.Bot.Tests.Storage.Support;

namespace JobSheetQA.Bot.Tests.Storage;

public abstract class OutboundPostStoreTests(IStorageTestDatabase database) : StorageTests(database)
{
    [Fact]
    public async Task Of_twenty_parallel_reservations_of_one_key_exactly_one_may_post()
    {
        var posts = Get<OutboundPostStore>();

        var results = await RaceAsync(20, _ => posts.TryReserveAsync("k7m2q9xa:outcome", "outcome", "k7m2q9xa", null, Now));

        Assert.Single(results, r => r.Reserved);
        Assert.All(results.Where(r => !r.Reserved), r => Assert.Equal(OutboundReservationStatus.InProgress, r.Status));
    }

    [Fact]
    public async Task After_completion_a_retry_learns_the_posted_message_id_instead_of_posting_again()
    {
        var posts = Get<OutboundPostStore>();
        await posts.TryReserveAsync("k7m2q9xa:status-card", "status-card", "k7m2q9xa", 7, Now);

        Assert.True(await posts.CompleteAsync("k7m2q9xa:status-card", "1732611600.000100", Now.AddSeconds(1)));
        var retry = await posts.TryReserveAsync("k7m2q9xa:status-card", "status-card", "k7m2q9xa", 7, Now.AddMinutes(1));

        Assert.Equal(new OutboundReservation(OutboundReservationStatus.AlreadyPosted, "1732611600.000100"), retry);
        Assert.False(await posts.CompleteAsync("k7m2q9xa:status-card", "another", Now.AddMinutes(2)));
        Assert.Equal("1732611600.000100", (await posts.FindAsync("k7m2q9xa:status-card"))!.PostedMessageId);
    }

    [Fact]
    public async Task A_failed_post_can_be_released_and_reserved_again_but_a_completed_one_cannot()
    {
        var posts = Get<OutboundPostStore>();
        await posts.TryReserveAsync("gate-failure:1", "gate-failure", "k7m2q9xa", null, Now);

        Assert.True(await posts.ReleaseAsync("gate-failure:1"));
        Assert.True((await posts.TryReserveAsync("gate-failure:1", "gate-failure", "k7m2q9xa", null, Now.AddMinutes(1))).Reserved);

        await posts.CompleteAsync("gate-failure:1", "activity-1", Now.AddMinutes(1));
        Assert.False(await posts.ReleaseAsync("gate-failure:1"));
        Assert.False((await posts.TryReserveAsync("gate-failure:1", "gate-failure", "k7m2q9xa", null, Now.AddMinutes(2))).Reserved);
    }

    public sealed class OnSqlite() : OutboundPostStoreTests(new SqliteTestDatabase());

    [Collection(PostgresCollection.Name)]
    public sealed class OnPostgreSql(PostgresCluster cluster) : OutboundPostStoreTests(cluster);
}
