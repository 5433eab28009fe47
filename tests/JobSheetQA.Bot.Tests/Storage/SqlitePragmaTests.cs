using JobSheetQA.Bot.Storage;
using JobSheetQA.Bot.Tests.Storage.Support;
using Microsoft.EntityFrameworkCore;

namespace JobSheetQA.Bot.Tests.Storage;

/// <summary>
/// Issue #16: every SQLite connection the bot uses runs with WAL's <c>synchronous=NORMAL</c> and SQLite's own busy
/// handler, including the pooled ones handed out again (the pragmas are set once per native connection).
/// </summary>
public sealed class SqlitePragmaTests : IAsyncLifetime
{
    private StorageTestHost storage = null!;

    public async Task InitializeAsync() => storage = await new SqliteTestDatabase().StartAsync();

    public async Task DisposeAsync() => await storage.DisposeAsync();

    [Fact]
    public async Task Each_connection_opened_again_from_the_pool_keeps_synchronous_normal_the_busy_timeout_and_the_fallback_checkpoint()
    {
        var contexts = storage.Get<IDbContextFactory<BotDbContext>>();
        for (var open = 0; open < 5; open++)
        {
            await using var db = await contexts.CreateDbContextAsync();
            Assert.Equal(1L, await ScalarAsync(db, "PRAGMA synchronous;")); // NORMAL
            Assert.Equal(SqliteWriteFunnel.BusyTimeoutMilliseconds, await ScalarAsync(db, "PRAGMA busy_timeout;"));
            // The log is copied in the background (SqliteCheckpointer); a commit copies it itself only past the fallback.
            Assert.Equal(SqliteCheckpointer.FallbackPages, await ScalarAsync(db, "PRAGMA wal_autocheckpoint;"));
        }
    }

    private static async Task<long> ScalarAsync(BotDbContext db, string pragma)
    {
        await db.Database.OpenConnectionAsync();
        try
        {
            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.CommandText = pragma;
            return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }
}
