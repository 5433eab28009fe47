using JobSheetQA.Bot.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace JobSheetQA.Bot.Tests.Storage.Support;

/// <summary>A started host with only <c>AddStorage</c> in it: starting it validates the settings and applies the migrations.</summary>
public sealed class StorageTestHost : IAsyncDisposable
{
    private readonly IHost host;
    private readonly string contentRoot;
    private bool started;

    private StorageTestHost(IHost host, string contentRoot)
    {
        this.host = host;
        this.contentRoot = contentRoot;
    }

    public IServiceProvider Services => host.Services;

    public string ContentRoot => contentRoot;

    public T Get<T>() where T : notnull => host.Services.GetRequiredService<T>();

    public BotDbContext CreateContext() => Get<IDbContextFactory<BotDbContext>>().CreateDbContext();

    /// <summary>Builds the host in a fresh temporary content root. Does not start it.</summary>
    public static StorageTestHost Build(IDictionary<string, string?> settings)
    {
        var contentRoot = Directory.CreateTempSubdirectory("jobsheetqa-storage-").FullName;
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            ContentRootPath = contentRoot,
            EnvironmentName = Environments.Development,
            DisableDefaults = true,
        });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddLogging();
        builder.Services.AddStorage(builder.Configuration, builder.Environment);
        return new StorageTestHost(builder.Build(), contentRoot);
    }

    public static async Task<StorageTestHost> StartAsync(IDictionary<string, string?> settings)
    {
        var storage = Build(settings);
        try
        {
            await storage.StartHostAsync();
            return storage;
        }
        catch
        {
            await storage.DisposeAsync();
            throw;
        }
    }

    public async Task StartHostAsync()
    {
        await host.StartAsync();
        started = true;
    }

    public async ValueTask DisposeAsync()
    {
        if (started)
            await host.StopAsync();

        host.Dispose();
        // Pooled SQLite connections keep the file open; close them before deleting the folder.
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(contentRoot, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
