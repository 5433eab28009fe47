using JobSheetQA.Bot.Tests.Storage.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace JobSheetQA.Bot.Tests.Storage;

public abstract class MigrationTests(IStorageTestDatabase database) : StorageTests(database)
{
    [Fact]
    public async Task Start_up_applies_every_migration_to_an_empty_database()
    {
        await using var db = Storage.CreateContext();

        Assert.NotEmpty(db.Database.GetMigrations());
        Assert.Equal(db.Database.GetMigrations(), await db.Database.GetAppliedMigrationsAsync());
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
    }

    [Fact]
    public async Task Every_table_exists_and_starts_empty()
    {
        await using var db = Storage.CreateContext();

        Assert.Equal(0, await db.Promotions.CountAsync());
        Assert.Equal(0, await db.GateResults.CountAsync());
        Assert.Equal(0, await db.EnvironmentLocks.CountAsync());
        Assert.Equal(0, await db.Acknowledgements.CountAsync());
        Assert.Equal(0, await db.StagingVerifications.CountAsync());
        Assert.Equal(0, await db.WriteWindows.CountAsync());
        Assert.Equal(0, await db.PostureChecklists.CountAsync());
        Assert.Equal(0, await db.ConversationReferences.CountAsync());
        Assert.Equal(0, await db.Subscriptions.CountAsync());
        Assert.Equal(0, await db.ProcessedInbound.CountAsync());
        Assert.Equal(0, await db.OutboundPosts.CountAsync());
        Assert.Equal(0, await db.AuditLog.CountAsync());
    }

    [Fact]
    public async Task Starting_again_on_a_migrated_database_changes_nothing()
    {
        var migrator = Storage.Services.GetServices<IHostedService>().Single(s => s.GetType().Name == "StorageMigrator");

        await migrator.StartAsync(CancellationToken.None);

        await using var db = Storage.CreateContext();
        Assert.Equal(db.Database.GetMigrations(), await db.Database.GetAppliedMigrationsAsync());
    }

    public sealed class OnSqlite() : MigrationTests(new SqliteTestDatabase());

    [Collection(PostgresCollection.Name)]
    public sealed class OnPostgreSql(PostgresCluster cluster) : MigrationTests(cluster);
}
