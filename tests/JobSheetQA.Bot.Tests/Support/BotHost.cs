using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace JobSheetQA.Bot.Tests.Support;

/// <summary>
/// The whole bot (Program.cs) on a content root, with test settings and services replaced after Program.cs, started at
/// once so start-up failures surface from <see cref="Start"/>. The hosts the tests talk to (chat, jobs, Teams) are built
/// on it. Disposing stops the bot, gives pooled database connections back and deletes the folder it owns.
/// </summary>
public sealed class BotHost : IAsyncDisposable
{
    private readonly WebApplicationFactory<Program> root;
    private readonly WebApplicationFactory<Program> factory;
    private readonly bool ownsContentRoot;
    private readonly string? postgres;

    private BotHost(
        string contentRoot, bool ownsContentRoot, IReadOnlyList<KeyValuePair<string, string?>> settings, string? environment, Action<IServiceCollection> configureServices)
    {
        ContentRoot = contentRoot;
        this.ownsContentRoot = ownsContentRoot;
        postgres = settings.LastOrDefault(s => s.Key == "ConnectionStrings:Postgres").Value;
        root = new WebApplicationFactory<Program>();
        factory = root.WithWebHostBuilder(builder =>
        {
            builder.UseContentRoot(contentRoot);
            if (environment is not null)
                builder.UseEnvironment(environment);
            foreach (var (key, value) in settings)
                builder.UseSetting(key, value);
            builder.ConfigureServices(configureServices);
        });
    }

    public string ContentRoot { get; }

    public TestServer Server => factory.Server;

    public IServiceProvider Services => factory.Services;

    public T Get<T>() where T : notnull => factory.Services.GetRequiredService<T>();

    public HttpClient CreateClient() => factory.CreateClient();

    /// <summary>Starts the bot; later <paramref name="settings"/> win over earlier ones with the same key.</summary>
    public static BotHost Start(
        string contentRoot,
        bool ownsContentRoot,
        IEnumerable<KeyValuePair<string, string?>> settings,
        Action<IServiceCollection> configureServices,
        string? environment = null)
    {
        // Outside Development GitHub:Mode has no default (issue #14); a test bot runs on the in-process sandbox unless its
        // settings choose otherwise.
        var all = settings.Prepend(new KeyValuePair<string, string?>("GitHub:Mode", "Sandbox")).ToList();
        var host = new BotHost(contentRoot, ownsContentRoot, all, environment, configureServices);
        try
        {
            _ = host.factory.Server;
            return host;
        }
        catch
        {
            host.DisposeAsync().AsTask().GetAwaiter().GetResult();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await factory.DisposeAsync();
        await root.DisposeAsync();
        // Pooled SQLite connections keep the files open; close them before deleting the folder.
        SqliteConnection.ClearAllPools();
        // Hangfire's server opened a handful of connections to this test's database; give them back to the cluster now.
        if (postgres is not null)
        {
            using var connection = new NpgsqlConnection(postgres);
            NpgsqlConnection.ClearPool(connection);
        }

        if (!ownsContentRoot)
            return;
        try
        {
            Directory.Delete(ContentRoot, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
