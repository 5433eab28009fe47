using JobSheetQA.Bot.Storage;
using JobSheetQA.Bot.Tests.GitHub;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace JobSheetQA.Bot.Tests.Storage;

/// <summary>A repeated delivery is an expected unique-key conflict: it is answered, not logged as a database error.</summary>
public sealed class ExpectedConflictLoggingTests
{
    [Fact]
    public async Task A_duplicate_inbound_id_is_recognised_without_an_error_in_the_log()
    {
        var folder = Directory.CreateTempSubdirectory("jobsheetqa-conflict-log-").FullName;
        var logs = new CapturingLoggerProvider();
        using var loggerFactory = LoggerFactory.Create(builder => builder.AddProvider(logs).SetMinimumLevel(LogLevel.Trace));
        var options = new DbContextOptionsBuilder<SqliteBotDbContext>();
        options.UseBotSqlite(Path.Combine(folder, "bot.db")).UseLoggerFactory(loggerFactory);
        var contexts = new SqliteContextFactory(options.Options);
        await using (var db = contexts.CreateDbContext())
            await db.Database.MigrateAsync();
        var inbound = new InboundDeduplicator(contexts);

        Assert.True(await inbound.TryMarkProcessedAsync("teams", "activity-1", DateTimeOffset.UtcNow));
        Assert.False(await inbound.TryMarkProcessedAsync("teams", "activity-1", DateTimeOffset.UtcNow));

        Assert.Contains(logs.Lines, line => line.StartsWith("Debug", StringComparison.Ordinal) && line.Contains("UNIQUE constraint failed", StringComparison.Ordinal));
        Assert.DoesNotContain(logs.Lines, line => line.StartsWith("Error", StringComparison.Ordinal));
        SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
    }

    private sealed class SqliteContextFactory(DbContextOptions<SqliteBotDbContext> options) : IDbContextFactory<BotDbContext>
    {
        public BotDbContext CreateDbContext() => new SqliteBotDbContext(options);
    }
}
