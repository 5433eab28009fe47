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
    public async Task A_success_whose_run_built_another_commit_deploys_neither_commit()
    {
        // Defence in depth for issue #13: the tracker fails such a promotion, but a row that says Succeeded still never counts.
        var store = Get<PromotionStore>();
        var judged = NewPromotion("judged", commitSha: "9f2c4e1a", state: PromotionState.Succeeded, createdAt: Now);
        judged.RunHeadSha = "b0c1d2e3";
        judged.CompletedAt = Now.AddMinutes(10);
        var upper = NewPromotion("upper", commitSha: "aaaa1111", state: PromotionState.Succeeded, createdAt: Now.AddHours(-1));
        upper.RunHeadSha = "AAAA1111"; // the same commit, spelt in capitals
        foreach (var promotion in new[] { judged, upper })
            await store.AddAsync(promotion);

        var history = Get<PromotionHistory>();

        Assert.Equal("upper", (await history.LatestSucceededAsync(EnvironmentNames.Staging))?.Id);
        Assert.False(await history.HasSucceededAsync(EnvironmentNames.Staging, "9f2c4e1a"));
        Assert.False(await history.HasSucceededAsync(EnvironmentNames.Staging, "b0c1d2e3"));
        Assert.True(await history.HasSucceededAsync(EnvironmentNames.Staging, "aaaa1111"));
        Assert.False(Assert.Single(await store.CompletedForCommitAsync("9f2c4e1a")).Succeeded);
        Assert.Empty(await store.CompletedForCommitAsync("b0c1d2e3"));
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
