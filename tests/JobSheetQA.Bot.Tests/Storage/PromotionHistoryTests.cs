using JobSheetQA.Bot.Storage;
using JobSheetQA.Bot.Tests.Storage.Support;
using JobSheetQA.Rules.Facts;

namespace JobSheetQA.Bot.Tests.Storage;

public abstract class PromotionHistoryTests(IStorageTestDatabase database) : StorageTests(database)
{
    [Fact]
    public async Task The_deployed_commit_is_the_latest_finished_success_not_a_later_failure_or_another_environment()
    {
        var store = Get<PromotionStore>();
        var older = NewPromotion("older", commitSha: "sha-old", state: PromotionState.Succeeded, createdAt: Now);
        older.CompletedAt = Now.AddMinutes(10);
        var newer = NewPromotion("newer", commitSha: "sha-new", state: PromotionState.Succeeded, createdAt: Now.AddHours(1));
        newer.CompletedAt = Now.AddHours(1).AddMinutes(10);
        var failed = NewPromotion("failed", commitSha: "sha-bad", state: PromotionState.Failed, createdAt: Now.AddHours(2));
        var production = NewPromotion("prod", EnvironmentNames.Production, commitSha: "sha-prod", state: PromotionState.Succeeded, createdAt: Now.AddHours(3));
        foreach (var promotion in new[] { older, newer, failed, production })
            await store.AddAsync(promotion);

        var history = Get<PromotionHistory>();

        Assert.Equal("sha-new", (await history.LatestSucceededAsync(EnvironmentNames.Staging))?.CommitSha);
        Assert.Equal("failed", (await history.LatestDispatchedAsync(EnvironmentNames.Staging))?.Id);
        Assert.True(await history.HasSucceededAsync(EnvironmentNames.Staging, "sha-old"));
        Assert.False(await history.HasSucceededAsync(EnvironmentNames.Staging, "sha-bad"));
    }

    [Fact]
    public async Task Refused_promotions_have_no_run_and_are_not_the_latest_dispatched()
    {
        var store = Get<PromotionStore>();
        await store.AddAsync(NewPromotion("ran", state: PromotionState.Failed, createdAt: Now));
        await store.AddAsync(NewPromotion("refused", state: PromotionState.Refused, createdAt: Now.AddHours(1)));

        var history = Get<PromotionHistory>();

        Assert.Equal("ran", (await history.LatestDispatchedAsync(EnvironmentNames.Staging))?.Id);
        Assert.Null(await history.LatestSucceededAsync(EnvironmentNames.Staging));
    }

    public sealed class OnSqlite() : PromotionHistoryTests(new SqliteTestDatabase());

    [Collection(PostgresCollection.Name)]
    public sealed class OnPostgreSql(PostgresCluster cluster) : PromotionHistoryTests(cluster);
}
