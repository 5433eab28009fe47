using JobSheetQA.Bot.Jobs;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace JobSheetQA.Bot.Tests.Jobs.Support;

/// <summary>
/// The whole bot (Program.cs) in a fresh temporary content root, with the given settings and a
/// <see cref="RecordingJob"/> in its container; its Hangfire server runs while the host does.
/// </summary>
public sealed class JobsTestHost : IAsyncDisposable
{
    // Fast polling keeps each test short; quiet logs keep test output readable.
    private static readonly Dictionary<string, string?> Defaults = new()
    {
        ["Jobs:PollInterval"] = "00:00:01",
        ["Logging:LogLevel:Default"] = "Warning",
        ["Logging:LogLevel:Microsoft.EntityFrameworkCore"] = "Warning",
    };

    private readonly string? postgres;
    private readonly WebApplicationFactory<JobsOptions> root;
    private readonly WebApplicationFactory<JobsOptions> factory;

    private JobsTestHost(string contentRoot, IDictionary<string, string?> settings, Action<IServiceCollection>? configureServices)
    {
        ContentRoot = contentRoot;
        postgres = settings.TryGetValue("ConnectionStrings:Postgres", out var connectionString) ? connectionString : null;
        root = new WebApplicationFactory<JobsOptions>();
        factory = root.WithWebHostBuilder(builder =>
        {
            builder.UseContentRoot(contentRoot);
            foreach (var (key, value) in Defaults.Concat(settings))
                builder.UseSetting(key, value);
            builder.ConfigureServices(services =>
            {
                services.AddSingleton(TimeProvider.System);
                services.AddSingleton<JobRunLog>();
                services.AddTransient<RecordingJob>();
                configureServices?.Invoke(services);
            });
        });
    }

    public string ContentRoot { get; }

    public TestServer Server => factory.Server;

    public IServiceProvider Services => factory.Services;

    public T Get<T>() where T : notnull => factory.Services.GetRequiredService<T>();

    /// <summary>Builds and starts the host; start-up failures (options validation) surface from here.</summary>
    public static JobsTestHost Start(IDictionary<string, string?> settings, Action<IServiceCollection>? configureServices = null)
    {
        var host = new JobsTestHost(Directory.CreateTempSubdirectory("jobsheetqa-jobs-").FullName, settings, configureServices);
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

        try
        {
            Directory.Delete(ContentRoot, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
