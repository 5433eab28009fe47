using JobSheetQA.Bot.Storage;
using JobSheetQA.Bot.Tests.Storage.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace JobSheetQA.Bot.Tests.Storage;

public sealed class StorageOptionsTests
{
    [Fact]
    public async Task Without_settings_start_up_creates_the_sqlite_database_in_data_beside_the_content_root()
    {
        await using var storage = await StorageTestHost.StartAsync(new Dictionary<string, string?>());

        var expected = Path.Combine(storage.ContentRoot, "data", StorageOptions.SqliteFileName);
        Assert.True(File.Exists(expected), $"expected {expected}");
        await using var db = storage.CreateContext();
        Assert.IsType<SqliteBotDbContext>(db);
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
    }

    [Fact]
    public async Task A_relative_data_directory_is_resolved_against_the_content_root()
    {
        await using var storage = await StorageTestHost.StartAsync(new Dictionary<string, string?> { ["Storage:DataDirectory"] = "state/db" });

        Assert.True(File.Exists(Path.Combine(storage.ContentRoot, "state", "db", StorageOptions.SqliteFileName)));
    }

    [Fact]
    public async Task PostgreSql_without_a_connection_string_fails_start_up_naming_the_key()
    {
        await using var storage = StorageTestHost.Build(new Dictionary<string, string?> { ["Storage:Provider"] = "PostgreSql" });

        var failure = await Assert.ThrowsAsync<OptionsValidationException>(storage.StartHostAsync);

        Assert.Contains("ConnectionStrings:Postgres is required when Storage:Provider is PostgreSql", failure.Message);
    }

    [Fact]
    public async Task An_unknown_provider_fails_start_up_naming_the_key()
    {
        await using var storage = StorageTestHost.Build(new Dictionary<string, string?> { ["Storage:Provider"] = "Oracle" });

        var failure = await Assert.ThrowsAnyAsync<Exception>(storage.StartHostAsync);

        Assert.Contains("Storage:Provider", failure.Message);
    }

    [Fact]
    public async Task The_postgresql_provider_is_chosen_by_configuration_alone()
    {
        await using var storage = StorageTestHost.Build(new Dictionary<string, string?>
        {
            ["Storage:Provider"] = "postgresql",
            ["ConnectionStrings:Postgres"] = "Host=127.0.0.1;Port=1;Database=none;Username=none",
        });

        await using var db = storage.CreateContext();

        Assert.IsType<PostgresBotDbContext>(db);
        Assert.Equal("Npgsql.EntityFrameworkCore.PostgreSQL", db.Database.ProviderName);
    }
}
