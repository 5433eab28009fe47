using JobSheetQA.Bot.Storage;
using JobSheetQA.Bot.Storage.Entities;
using JobSheetQA.Bot.Tests.Storage.Support;
using JobSheetQA.Rules.Facts;
using Microsoft.EntityFrameworkCore;

namespace JobSheetQA.Bot.Tests.Storage;

public abstract class PostureChecklistStoreTests(IStorageTestDatabase database) : StorageTests(database)
{
    [Fact]
    public async Task The_first_answer_per_promotion_is_kept_and_a_later_one_is_not_recorded()
    {
        await Get<PromotionStore>().AddAsync(NewPromotion("p-prod1", EnvironmentNames.Production, state: PromotionState.Succeeded));
        var store = Get<PostureChecklistStore>();

        var first = await store.RecordAsync(Checklist("p-prod1", "Alice", databaseReadOnly: false));
        var second = await store.RecordAsync(Checklist("p-prod1", "Bob", databaseReadOnly: true));

        Assert.True(first.Recorded);
        Assert.False(second.Recorded);
        Assert.Equal("Alice", second.Checklist.RecordedBy);
        var stored = await store.ForPromotionAsync("p-prod1");
        Assert.NotNull(stored);
        Assert.Equal("Alice", stored.RecordedBy);
        Assert.False(stored.DatabaseReadOnly);
        Assert.True(stored.MonitoringAlertsConfigured);
        Assert.Equal("teams:alice", stored.RecordedById);
    }

    [Fact]
    public async Task Racing_answers_for_one_promotion_store_exactly_one()
    {
        await Get<PromotionStore>().AddAsync(NewPromotion("p-prod2", EnvironmentNames.Production, state: PromotionState.Succeeded));
        var store = Get<PostureChecklistStore>();

        var results = await RaceAsync(5, i => store.RecordAsync(Checklist("p-prod2", $"User{i}")));

        Assert.Single(results, r => r.Recorded);
        Assert.All(results, r => Assert.Equal(results.Single(x => x.Recorded).Checklist.RecordedBy, r.Checklist.RecordedBy));
        await using var db = Storage.CreateContext();
        Assert.Equal(1, await db.PostureChecklists.CountAsync());
    }

    [Fact]
    public async Task A_checklist_needs_an_existing_promotion()
    {
        var store = Get<PostureChecklistStore>();

        await Assert.ThrowsAsync<DbUpdateException>(() => store.RecordAsync(Checklist("no-such-promotion", "Alice")));
    }

    [Fact]
    public async Task Latest_is_the_newest_checklist_of_the_environment()
    {
        var promotions = Get<PromotionStore>();
        await promotions.AddAsync(NewPromotion("p-a", EnvironmentNames.Production, state: PromotionState.Succeeded));
        await promotions.AddAsync(NewPromotion("p-b", EnvironmentNames.Production, state: PromotionState.Succeeded));
        var store = Get<PostureChecklistStore>();
        await store.RecordAsync(Checklist("p-a", "Alice", at: Now));
        await store.RecordAsync(Checklist("p-b", "Bob", at: Now.AddHours(1)));

        var latest = await store.LatestAsync(EnvironmentNames.Production);

        Assert.Equal("p-b", latest?.PromotionId);
        Assert.Null(await store.LatestAsync(EnvironmentNames.Staging));
    }

    private static PostureChecklistEntity Checklist(string promotionId, string by, bool databaseReadOnly = true, DateTimeOffset? at = null) => new()
    {
        PromotionId = promotionId,
        Environment = EnvironmentNames.Production,
        CommitSha = "abc123",
        RecordedBy = by,
        RecordedById = $"teams:{by.ToLowerInvariant()}",
        RecordedAt = at ?? Now,
        PurgeExecutionDisabled = true,
        SchedulerDisabled = true,
        DatabaseReadOnly = databaseReadOnly,
        NoDestructiveOperationsScheduled = true,
        MonitoringAlertsConfigured = true,
    };

    public sealed class OnSqlite() : PostureChecklistStoreTests(new SqliteTestDatabase());

    [Collection(PostgresCollection.Name)]
    public sealed class OnPostgreSql(PostgresCluster cluster) : PostureChecklistStoreTests(cluster);
}
