using JobSheetQA.Bot.Storage;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace JobSheetQA.Bot.Tests.Storage;

public sealed class StorageHostingTests
{
    [Fact]
    public async Task The_bot_starts_with_no_storage_settings_and_keeps_its_database_in_data_under_the_content_root()
    {
        var contentRoot = Directory.CreateTempSubdirectory("jobsheetqa-host-").FullName;
        try
        {
            // Any type of the bot's assembly names its entry point; Program alone is ambiguous beside the sandbox's.
            await using (var factory = new WebApplicationFactory<StorageOptions>().WithWebHostBuilder(host => host.UseContentRoot(contentRoot)))
            {
                var health = await factory.CreateClient().GetStringAsync("/healthz");

                Assert.Equal("ok", health);
                Assert.True(File.Exists(Path.Combine(contentRoot, "data", StorageOptions.SqliteFileName)));
                await using var db = await factory.Services.GetRequiredService<IDbContextFactory<BotDbContext>>().CreateDbContextAsync();
                Assert.Empty(await db.Database.GetPendingMigrationsAsync());
            }
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(contentRoot, recursive: true);
        }
    }
}
