using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace JobSheetQA.Bot.Storage;

/// <summary>Brings the database schema up to date before the host serves requests; safe with several instances starting at once
/// (EF Core takes a migration lock).</summary>
internal sealed partial class StorageMigrator(
    IDbContextFactory<BotDbContext> contexts,
    IOptions<StorageOptions> options,
    ILogger<StorageMigrator> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        using var writer = await db.EnterWriterAsync(cancellationToken);

        if (db.Database.IsSqlite())
        {
            // Write-ahead logging lets readers run while one writer commits; the setting persists in the file.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }

        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
        await db.Database.MigrateAsync(cancellationToken);
        LogMigrated(logger, options.Value.Provider, pending.Count);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Storage ready on {Provider}; applied {Count} migration(s)")]
    private static partial void LogMigrated(ILogger logger, StorageProvider provider, int count);
}
