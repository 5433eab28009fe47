using JobSheetQA.Bot.Hosting.Readiness;
using JobSheetQA.Bot.Hosting.Settings;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace JobSheetQA.Bot.Storage;

public static class StorageServiceCollectionExtensions
{
    /// <summary>
    /// Registers the bot's database (SQLite under <c>Storage:DataDirectory</c> by default, PostgreSQL when
    /// <c>Storage:Provider</c> is PostgreSql), a pooled <see cref="IDbContextFactory{BotDbContext}"/>, the stores, and a
    /// hosted service that applies migrations at start-up.
    /// </summary>
    public static IServiceCollection AddStorage(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        services.AddOptions<StorageOptions>()
            .Bind(configuration.GetSection(StorageOptions.SectionName))
            .Configure(options => options.PostgresConnectionString = configuration[StorageOptions.PostgresConnectionStringKey])
            .ValidateAtStartup();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<StorageOptions>, StorageOptionsValidator>());

        // The provider decides which context type (and so which migration set) is registered. An unreadable value
        // falls back here, and the options binding then fails start-up naming Storage:Provider.
        var provider = Enum.TryParse<StorageProvider>(configuration[$"{StorageOptions.SectionName}:Provider"], ignoreCase: true, out var parsed)
            ? parsed
            : StorageProvider.Sqlite;

        if (provider == StorageProvider.PostgreSql)
        {
            services.AddPooledDbContextFactory<PostgresBotDbContext>((serviceProvider, options) =>
                options.UseBotPostgres(serviceProvider.GetRequiredService<IOptions<StorageOptions>>().Value.PostgresConnectionString!));
            services.AddSingleton<IDbContextFactory<BotDbContext>>(serviceProvider =>
                new BotDbContextFactory<PostgresBotDbContext>(serviceProvider.GetRequiredService<IDbContextFactory<PostgresBotDbContext>>()));
        }
        else
        {
            // One writer queue per process (SqliteWriteFunnel): concurrent turns wait their turn instead of polling SQLite.
            services.AddSingleton(serviceProvider => new SqliteWriteFunnel(serviceProvider.GetRequiredService<IOptions<StorageOptions>>().Value.SqliteSynchronous));
            services.AddPooledDbContextFactory<SqliteBotDbContext>((serviceProvider, options) =>
            {
                var path = serviceProvider.GetRequiredService<IOptions<StorageOptions>>().Value.SqliteDatabasePath(environment.ContentRootPath);
                // First run: SQLite creates the file but not its folder.
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                options.UseBotSqlite(path).AddInterceptors(serviceProvider.GetRequiredService<SqliteWriteFunnel>());
            });
            services.AddSingleton<IDbContextFactory<BotDbContext>>(serviceProvider =>
                new BotDbContextFactory<SqliteBotDbContext>(serviceProvider.GetRequiredService<IDbContextFactory<SqliteBotDbContext>>()));
            // A turn's own writes, committed with other turns' (the turn path's storage cost, tests/load).
            services.AddSingleton(serviceProvider => new SqliteBatchWriter(
                serviceProvider.GetRequiredService<IOptions<StorageOptions>>().Value.SqliteDatabasePath(environment.ContentRootPath),
                serviceProvider.GetRequiredService<SqliteWriteFunnel>(),
                serviceProvider.GetRequiredService<ILogger<SqliteBatchWriter>>()));
            services.AddSingleton<SqliteTurnWrites>();
        }

        services.AddHostedService<StorageMigrator>();
        if (provider == StorageProvider.Sqlite)
        {
            // After the migrator, which puts the database in WAL mode: the log copied off the writer's path.
            services.AddSingleton(serviceProvider => new SqliteCheckpointer(
                serviceProvider.GetRequiredService<IOptions<StorageOptions>>().Value.SqliteDatabasePath(environment.ContentRootPath),
                serviceProvider.GetRequiredService<SqliteWriteFunnel>(),
                serviceProvider.GetRequiredService<ILogger<SqliteCheckpointer>>()));
            services.AddHostedService(serviceProvider => serviceProvider.GetRequiredService<SqliteCheckpointer>());
        }

        services.AddReadiness().AddCheck<DatabaseReadinessCheck>("database", tags: [ReadinessEndpoints.Tag]);

        services.AddSingleton<PromotionStore>();
        services.AddSingleton<PromotionLocks>();
        services.AddSingleton<AcknowledgementStore>();
        services.AddSingleton<StagingVerificationStore>();
        services.AddSingleton<WriteWindowStore>();
        services.AddSingleton<ConversationStore>();
        services.AddSingleton<InboundDeduplicator>();
        services.AddSingleton<InboundTurnStore>();
        services.AddSingleton<OutboundPostStore>();
        services.AddSingleton<AuditLog>();
        services.AddSingleton<StoredFactsReader>();
        services.AddSingleton<PostureChecklistStore>();
        services.AddSingleton<PromotionHistory>();
        services.AddSingleton<PendingReviewStore>();
        return services;
    }
}
