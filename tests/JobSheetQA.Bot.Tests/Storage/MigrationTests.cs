using JobSheetQA.Bot.Tests.Storage.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
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

    [Fact]
    public async Task A_promotion_dispatched_before_the_dispatch_time_was_stored_gets_it_from_the_audit_log()
    {
        await using var db = Storage.CreateContext();
        var migrations = db.Database.GetMigrations().ToList();
        var added = migrations.FindIndex(m => m.EndsWith("_PromotionDispatchedAt", StringComparison.Ordinal));
        var migrator = db.GetService<IMigrator>();
        // On SQLite every write of the process waits for the one writer, these raw ones included.
        using var writer = await db.EnterWriterAsync(CancellationToken.None);
        await migrator.MigrateAsync(migrations[added - 1]);
        var requested = new DateTime(2026, 11, 26, 8, 0, 0, DateTimeKind.Utc);
        var dispatched = requested.AddMinutes(7);
        await db.Database.ExecuteSqlInterpolatedAsync($"""
            INSERT INTO promotions (id, environment, ref, commit_sha, skip_parity, use_nightly_parity, requester_channel, requester_user_id,
                requester_display_name, state, correlation_id, created_at, updated_at, row_version)
            VALUES ('p-old', 'staging', 'main', 'abc123', {false}, {false}, 'teams', 'u', 'Alice', 'Running', 'p-old', {requested}, {dispatched}, 0)
            """);
        await db.Database.ExecuteSqlInterpolatedAsync($"""
            INSERT INTO audit_log ("at", actor, action, promotion_id, environment) VALUES ({dispatched}, 'Alice', 'promotion.dispatched', 'p-old', 'staging')
            """);

        await migrator.MigrateAsync();

        var promotion = await db.Promotions.AsNoTracking().SingleAsync(p => p.Id == "p-old");
        Assert.Equal(new DateTimeOffset(dispatched), promotion.DispatchedAt);
    }

    public sealed class OnSqlite() : MigrationTests(new SqliteTestDatabase());

    [Collection(PostgresCollection.Name)]
    public sealed class OnPostgreSql(PostgresCluster cluster) : MigrationTests(cluster);
}
