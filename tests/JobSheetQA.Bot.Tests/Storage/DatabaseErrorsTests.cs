using JobSheetQA.Bot.Storage;
using JobSheetQA.Bot.Storage.Entities;
using JobSheetQA.Bot.Tests.Storage.Support;
using JobSheetQA.Rules.Facts;
using Microsoft.EntityFrameworkCore;

namespace JobSheetQA.Bot.Tests.Storage;

/// <summary>The stores turn exactly "duplicate key" into a result; every other database refusal stays an error.</summary>
public abstract class DatabaseErrorsTests(IStorageTestDatabase database) : StorageTests(database)
{
    [Fact]
    public async Task A_duplicate_primary_key_is_a_unique_violation()
    {
        var failure = await SaveTwiceAsync(() => new ProcessedInboundEntity { Channel = "slack", InboundId = "Ev1", ReceivedAt = Now });

        Assert.True(DatabaseErrors.IsUniqueViolation(failure));
    }

    [Fact]
    public async Task A_duplicate_in_a_unique_index_is_a_unique_violation()
    {
        var failure = await SaveTwiceAsync(() => new ConversationReferenceEntity { Channel = "slack", ConversationId = "C024BE91L", UpdatedAt = Now });

        Assert.True(DatabaseErrors.IsUniqueViolation(failure));
    }

    [Fact]
    public async Task A_missing_foreign_key_is_not_a_unique_violation()
    {
        await using var db = Storage.CreateContext();
        db.GateResults.Add(new GateResultEntity { PromotionId = "no-such-promotion", Step = PromotionStep.CiGate });

        var failure = await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());

        Assert.False(DatabaseErrors.IsUniqueViolation(failure));
    }

    private async Task<DbUpdateException> SaveTwiceAsync<T>(Func<T> row) where T : class
    {
        await using (var first = Storage.CreateContext())
        {
            first.Add(row());
            await first.SaveChangesAsync();
        }

        await using var second = Storage.CreateContext();
        second.Add(row());
        return await Assert.ThrowsAsync<DbUpdateException>(() => second.SaveChangesAsync());
    }

    public sealed class OnSqlite() : DatabaseErrorsTests(new SqliteTestDatabase());

    [Collection(PostgresCollection.Name)]
    public sealed class OnPostgreSql(PostgresCluster cluster) : DatabaseErrorsTests(cluster);
}
