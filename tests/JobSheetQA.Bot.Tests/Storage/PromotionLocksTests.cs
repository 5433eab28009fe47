using JobSheetQA.Bot.Chat.Promotions;
using JobSheetQA.Bot.Storage;
using JobSheetQA.Bot.Storage.Entities;
using JobSheetQA.Bot.Tests.Storage.Support;
using Microsoft.EntityFrameworkCore;

namespace JobSheetQA.Bot.Tests.Storage;

public abstract class PromotionLocksTests(IStorageTestDatabase database) : StorageTests(database)
{
    [Fact]
    public async Task Of_twenty_parallel_acquisitions_exactly_one_wins_and_the_others_see_the_holder()
    {
        var locks = Get<PromotionLocks>();

        var results = await RaceAsync(20, i => locks.TryAcquireAsync("staging", $"promo-{i:00}", $"User {i:00}", Now.AddSeconds(i)));

        var winner = Assert.Single(results, r => r.Acquired);
        Assert.All(results.Where(r => !r.Acquired), loser =>
        {
            Assert.Equal(winner.Holder, loser.Holder);
            Assert.StartsWith($"staging is held by {winner.Holder.HeldBy} since 2026-11-26 09:00", PromotionReplies.Held(loser.Holder));
        });
        Assert.Equal(winner.Holder, await locks.GetAsync("staging"));
    }

    [Fact]
    public async Task The_database_refuses_a_second_lock_row_for_the_same_environment()
    {
        await Get<PromotionLocks>().TryAcquireAsync("production", "first", "Alice", Now);

        await using var db = Storage.CreateContext();
        db.EnvironmentLocks.Add(new EnvironmentLockEntity { Environment = "production", PromotionId = "second", HeldBy = "Bob", Since = Now });

        await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
    }

    [Fact]
    public async Task Acquiring_again_for_the_holder_succeeds_and_keeps_the_original_time()
    {
        var locks = Get<PromotionLocks>();
        await locks.TryAcquireAsync("staging", "k7m2q9xa", "Alice", Now);

        var again = await locks.TryAcquireAsync("staging", "k7m2q9xa", "Alice", Now.AddMinutes(5));

        Assert.True(again.Acquired);
        Assert.Equal(Now, again.Holder.Since);
    }

    [Fact]
    public async Task Another_promotion_is_told_who_holds_the_environment_and_since_when()
    {
        var locks = Get<PromotionLocks>();
        await locks.TryAcquireAsync("staging", "k7m2q9xa", "Alice", Now);

        var refused = await locks.TryAcquireAsync("staging", "b3c4d5e6", "Bob", Now.AddMinutes(1));

        Assert.False(refused.Acquired);
        Assert.Equal(new EnvironmentLock("staging", "k7m2q9xa", "Alice", Now), refused.Holder);
        Assert.Equal("staging is held by Alice since 2026-11-26 09:00 UTC (promotion k7m2q9xa)", PromotionReplies.Held(refused.Holder));
    }

    [Fact]
    public async Task Only_the_holder_can_release_and_then_the_environment_is_free()
    {
        var locks = Get<PromotionLocks>();
        await locks.TryAcquireAsync("staging", "k7m2q9xa", "Alice", Now);

        Assert.False(await locks.ReleaseAsync("staging", "b3c4d5e6"));
        Assert.NotNull(await locks.GetAsync("staging"));

        Assert.True(await locks.ReleaseAsync("staging", "k7m2q9xa"));
        Assert.Null(await locks.GetAsync("staging"));

        var next = await locks.TryAcquireAsync("staging", "b3c4d5e6", "Bob", Now.AddMinutes(2));
        Assert.True(next.Acquired);
        Assert.Equal("b3c4d5e6", next.Holder.PromotionId);
    }

    [Fact]
    public async Task Environments_are_locked_independently()
    {
        var locks = Get<PromotionLocks>();

        var staging = await locks.TryAcquireAsync("staging", "k7m2q9xa", "Alice", Now);
        var production = await locks.TryAcquireAsync("production", "b3c4d5e6", "Bob", Now);

        Assert.True(staging.Acquired);
        Assert.True(production.Acquired);
        Assert.Equal(["production", "staging"], (await locks.ListAsync()).Select(l => l.Environment));
    }

    public sealed class OnSqlite() : PromotionLocksTests(new SqliteTestDatabase());

    [Collection(PostgresCollection.Name)]
    public sealed class OnPostgreSql(PostgresCluster cluster) : PromotionLocksTests(cluster);
}
