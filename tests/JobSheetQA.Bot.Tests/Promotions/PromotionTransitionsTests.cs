using JobSheetQA.Bot.Promotions;
using JobSheetQA.Bot.Storage;
using JobSheetQA.Bot.Tests.Storage.Support;
using JobSheetQA.Bot.Tests.Support;
using JobSheetQA.Rules.Facts;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace JobSheetQA.Bot.Tests.Promotions;

/// <summary>Moves against a real database: a final promotion never keeps its environment, whatever order things happened in.</summary>
public abstract class PromotionTransitionsTests(IStorageTestDatabase database) : StorageTests(database)
{
    private PromotionTransitions Transitions() => new(
        Get<PromotionStore>(), Get<PromotionLocks>(), Get<AuditLog>(), new FakeTimeProvider(Now),
        TestMetrics.Create(), NullLogger<PromotionTransitions>.Instance);

    [Theory]
    [InlineData(PromotionState.AwaitingAcknowledgement)]
    [InlineData(PromotionState.Dispatched)]
    [InlineData(PromotionState.Failed)]
    public async Task A_cancel_that_lands_before_the_lock_is_taken_does_not_keep_the_environment(PromotionState next)
    {
        // The promote flow's order with a cancel in between: evaluated, cancelled (no lock yet to release), lock taken.
        var transitions = Transitions();
        var locks = Get<PromotionLocks>();
        await Get<PromotionStore>().AddAsync(NewPromotion("k7m2q9xa", state: PromotionState.Evaluated));
        Assert.True((await transitions.MoveAsync("k7m2q9xa", PromotionState.Cancelled, Alice)).Moved);
        Assert.True((await locks.TryAcquireAsync(EnvironmentNames.Staging, "k7m2q9xa", "Alice", Now)).Acquired);

        var refused = await transitions.MoveAsync("k7m2q9xa", next, Alice);

        Assert.Equal(PromotionMoveStatus.NotAllowed, refused.Status);
        Assert.Equal(PromotionState.Cancelled, refused.Promotion!.State);
        Assert.Null(await locks.GetAsync(EnvironmentNames.Staging));
        Assert.True((await locks.TryAcquireAsync(EnvironmentNames.Staging, "b3c4d5e6", "Bob", Now.AddMinutes(1))).Acquired);
    }

    [Fact]
    public async Task A_refused_move_of_a_final_promotion_frees_only_that_promotions_own_lock()
    {
        var transitions = Transitions();
        var locks = Get<PromotionLocks>();
        await Get<PromotionStore>().AddAsync(NewPromotion("k7m2q9xa", state: PromotionState.Cancelled));
        await Get<PromotionStore>().AddAsync(NewPromotion("b3c4d5e6", state: PromotionState.Dispatched));
        await locks.TryAcquireAsync(EnvironmentNames.Staging, "b3c4d5e6", "Bob", Now);

        var refused = await transitions.MoveAsync("k7m2q9xa", PromotionState.Dispatched, Alice);

        Assert.Equal(PromotionMoveStatus.NotAllowed, refused.Status);
        Assert.Equal("b3c4d5e6", (await locks.GetAsync(EnvironmentNames.Staging))?.PromotionId);
    }

    [Fact]
    public async Task A_refused_move_of_a_promotion_still_in_flight_keeps_its_lock()
    {
        var transitions = Transitions();
        var locks = Get<PromotionLocks>();
        await Get<PromotionStore>().AddAsync(NewPromotion("k7m2q9xa", state: PromotionState.Running));
        await locks.TryAcquireAsync(EnvironmentNames.Staging, "k7m2q9xa", "Alice", Now);

        var refused = await transitions.MoveAsync("k7m2q9xa", PromotionState.Dispatched, Actor.Tracker);

        Assert.Equal(PromotionMoveStatus.NotAllowed, refused.Status);
        Assert.Equal("k7m2q9xa", (await locks.GetAsync(EnvironmentNames.Staging))?.PromotionId);
    }

    public sealed class OnSqlite() : PromotionTransitionsTests(new SqliteTestDatabase());

    [Collection(PostgresCollection.Name)]
    public sealed class OnPostgreSql(PostgresCluster cluster) : PromotionTransitionsTests(cluster);

    private static readonly Actor Alice = new("teams:user-alice", "Alice");
}
