using Hangfire;
using Hangfire.AspNetCore;
using Hangfire.PostgreSql;
using Hangfire.PostgreSql.Factories;
using Hangfire.Storage.SQLite;
using JobSheetQA.Bot.Hosting.Readiness;
using JobSheetQA.Bot.Hosting.Settings;
using JobSheetQA.Bot.Hosting.Telemetry;
using JobSheetQA.Bot.Jobs.Tracking;
using JobSheetQA.Bot.Posture.WriteWindows;
using JobSheetQA.Bot.Promotions;
using JobSheetQA.Bot.Promotions.ProtectionRules;
using JobSheetQA.Bot.Storage;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace JobSheetQA.Bot.Jobs;

public static class JobsServiceCollectionExtensions
{
    /// <summary>
    /// The SQLite file Hangfire keeps beside the bot's own database (never the same file). One bot process per data
    /// folder: <see cref="SqliteInstanceLock"/> refuses a second one.
    /// </summary>
    public const string SqliteFileName = "hangfire.db";

    /// <summary>The PostgreSQL schema that holds Hangfire's tables, beside the bot's own.</summary>
    public const string PostgresSchema = "hangfire";

    /// <summary>
    /// Registers Hangfire: its storage follows the bot's <c>Storage:Provider</c> (SQLite in its own
    /// file under <c>Storage:DataDirectory</c> for the single instance; PostgreSQL in its own schema for scale-out), a
    /// job server started with the host, <see cref="IBackgroundJobClient"/> and <see cref="IRecurringJobManager"/>, and
    /// the <c>Jobs</c> and <c>Tracking</c> settings, and, when <c>Jobs:Dashboard:Enabled</c>, what the dashboard needs. Jobs are resolved from the container, one scope per run.
    /// Call after <c>AddStorage</c>: hosted services start in registration order, so the bot's migrations are applied
    /// before the first job runs.
    /// </summary>
    public static IServiceCollection AddJobs(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        services.AddOptions<JobsOptions>()
            .Bind(configuration.GetSection(JobsOptions.SectionName))
            .PostConfigure(options =>
            {
                if (options.Queues.Length == 0)
                    options.Queues = [JobsOptions.DefaultQueue];
            })
            .ValidateAtStartup();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<JobsOptions>, JobsOptionsValidator>());

        services.AddOptions<TrackingOptions>()
            .Bind(configuration.GetSection(TrackingOptions.SectionName))
            .ValidateAtStartup();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TrackingOptions>, TrackingOptionsValidator>());

        // Storage and activator are this host's own services, registered before AddHangfire: its defaults would read the
        // process-wide JobStorage.Current and JobActivator.Current, which every host in the process (tests) overwrites.
        services.TryAddSingleton(serviceProvider => CreateStorage(serviceProvider, environment));
        // Resolved only for SQLite, before the storage; the container releases it when the host stops.
        services.TryAddSingleton(serviceProvider => SqliteInstanceLock.Acquire(SqliteDirectory(serviceProvider, environment)));
        services.TryAddSingleton<JobActivator>(serviceProvider =>
            new AspNetCoreJobActivator(serviceProvider.GetRequiredService<IServiceScopeFactory>()));

        services.AddHangfire((serviceProvider, hangfire) => hangfire
            .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings()
            .UseLogProvider(new HangfireLogProvider(serviceProvider.GetRequiredService<ILoggerFactory>())));

        services.AddHangfireServer((serviceProvider, server) =>
        {
            var options = serviceProvider.GetRequiredService<IOptions<JobsOptions>>().Value;
            server.WorkerCount = options.WorkerCount;
            server.Queues = options.Queues;
            server.SchedulePollingInterval = options.PollInterval;
        });

        AddTracking(services);

        // Read leniently here: an unreadable value must not stop registration, so the start-up check can report it with the rest.
        if (bool.TryParse(configuration.GetSection(JobsOptions.SectionName).GetSection(nameof(JobsOptions.Dashboard))[nameof(JobsDashboardOptions.Enabled)], out var dashboard)
            && dashboard)
            AddDashboard(services);
        return services;
    }

    /// <summary>
    /// What the dashboard needs when <c>Jobs:Dashboard:Enabled</c> is true: its own authentication scheme (HTTP Basic
    /// against <c>Jobs:Dashboard:Password</c>), the authorization policy that requires it, and antiforgery, which Hangfire's
    /// dashboard uses when it is registered (a token in every page, checked on every POST). Off, none of it is registered.
    /// </summary>
    private static void AddDashboard(IServiceCollection services)
    {
        services.AddAuthentication()
            .AddScheme<AuthenticationSchemeOptions, DashboardBasicAuthenticationHandler>(DashboardBasicAuthenticationHandler.SchemeName, _ => { });
        services.AddAuthorizationBuilder()
            .AddPolicy(DashboardBasicAuthenticationHandler.PolicyName, policy => policy
                // Only this scheme counts, whichever default scheme another module may register.
                .AddAuthenticationSchemes(DashboardBasicAuthenticationHandler.SchemeName)
                .RequireAuthenticatedUser());
        services.AddAntiforgery();
    }

    /// <summary>
    /// The jobs that follow promotions: run tracking behind <see cref="IRunTrackingScheduler"/>,
    /// acknowledgement expiry, the write-window watch, the reconciler and the deployment protection reviews (the job behind
    /// <see cref="IProtectionReviewQueue"/> and its sweep), registered as recurring jobs at start-up
    /// (after the job server, so the first reconcile can enqueue right away).
    /// </summary>
    private static void AddTracking(IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<TrackingChains>();
        services.TryAddSingleton<IRunTrackingScheduler, HangfireRunTrackingScheduler>();
        services.TryAddSingleton<IAcknowledgementExpiry, AcknowledgementExpiryScheduler>();
        services.TryAddSingleton<ParityViolationReader>();
        services.TryAddSingleton<RunReader>();
        services.AddBotMetrics();
        services.AddReadiness().AddCheck<JobServerReadinessCheck>("job-server", tags: [ReadinessEndpoints.Tag]);
        services.TryAddSingleton<RunStateApplier>();
        services.TryAddSingleton<RunReporter>();
        services.TryAddSingleton<RunPoller>();
        services.TryAddTransient<RunTrackingJob>();
        services.TryAddTransient<AcknowledgementExpiryJob>();
        services.TryAddTransient<WriteWindowWatchJob>();
        services.TryAddTransient<TrackingReconcilerJob>();
        services.TryAddTransient<InboundPruneJob>();
        services.TryAddSingleton<IProtectionReviewQueue, HangfireProtectionReviewQueue>();
        services.TryAddTransient<ProtectionReviewJob>();
        services.TryAddTransient<ProtectionReviewSweepJob>();
        services.AddHostedService<TrackingStartup>();
    }

    private static JobStorage CreateStorage(IServiceProvider serviceProvider, IHostEnvironment environment)
    {
        // Configure Hangfire (serializer, this host's logging) before the storage's components ask for loggers.
        serviceProvider.GetRequiredService<IGlobalConfiguration>();
        var storage = serviceProvider.GetRequiredService<IOptions<StorageOptions>>().Value;
        var jobs = serviceProvider.GetRequiredService<IOptions<JobsOptions>>().Value;

        if (storage.Provider == StorageProvider.PostgreSql)
        {
            var options = new PostgreSqlStorageOptions
            {
                SchemaName = PostgresSchema,
                PrepareSchemaIfNecessary = true,
                QueuePollInterval = jobs.PollInterval,
                // Retry an unreachable database a few times at start-up, then fail the start with the cause, rather than
                // run on without a schema and log errors forever.
                AllowDegradedModeWithoutStorage = false,
            };
            return new PostgreSqlStorage(new NpgsqlConnectionFactory(storage.PostgresConnectionString!, options), options);
        }

        // SQLite is the single-instance default: the file must not be shared by two bot processes.
        var directory = SqliteDirectory(serviceProvider, environment);
        Directory.CreateDirectory(directory);
        serviceProvider.GetRequiredService<SqliteInstanceLock>();
        return new SQLiteStorage(Path.Combine(directory, SqliteFileName), new SQLiteStorageOptions
        {
            QueuePollInterval = jobs.PollInterval,
        });
    }

    private static string SqliteDirectory(IServiceProvider serviceProvider, IHostEnvironment environment) =>
        serviceProvider.GetRequiredService<IOptions<StorageOptions>>().Value.DataDirectoryPath(environment.ContentRootPath);
}
