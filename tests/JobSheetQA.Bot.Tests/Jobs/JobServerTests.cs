using Hangfire;
using Hangfire.States;
using Hangfire.Storage;
using JobSheetQA.Bot.Jobs;
using JobSheetQA.Bot.Jobs.Tracking;
using JobSheetQA.Bot.Tests.Jobs.Support;
using JobSheetQA.Bot.Tests.Storage.Support;
using JobSheetQA.Bot.Tests.Support;

namespace JobSheetQA.Bot.Tests.Jobs;

/// <summary>
/// The Hangfire server the bot starts runs jobs from its container through the storage that <c>Storage:Provider</c>
/// chose: every test runs on SQLite and on PostgreSQL.
/// </summary>
public abstract class JobServerTests : IAsyncLifetime
{
    // Generous against a busy CI machine; with 1 s polling a job normally starts within about a second.
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(20);

    private JobsTestHost? host;

    protected JobsTestHost Host => host ?? throw new InvalidOperationException("The host has not started.");

    protected abstract Task<Dictionary<string, string?>> StorageSettingsAsync();

    public async Task InitializeAsync() => host = JobsTestHost.Start(await StorageSettingsAsync());

    public async Task DisposeAsync()
    {
        if (host is not null)
            await host.DisposeAsync();
    }

    [Fact]
    public async Task A_fire_and_forget_job_runs_once_resolved_from_the_container()
    {
        var jobId = Host.Get<IBackgroundJobClient>().Enqueue<RecordingJob>(job => job.Run("now"));

        await Host.Get<JobRunLog>().WaitForAsync("now", Bound);

        await WaitForStateAsync(jobId, SucceededState.StateName);
        Assert.Equal(1, Host.Get<JobRunLog>().Count("now"));
    }

    [Fact]
    public async Task A_delayed_job_waits_for_its_time_then_runs_within_a_few_seconds()
    {
        var time = TimeProvider.System;
        var scheduledAt = time.GetUtcNow();
        var jobId = Host.Get<IBackgroundJobClient>().Schedule<RecordingJob>(job => job.Run("later"), TimeSpan.FromSeconds(2));

        Assert.Equal(ScheduledState.StateName, StateOf(jobId));
        var ranAt = await Host.Get<JobRunLog>().WaitForAsync("later", Bound);

        // Hangfire keeps the due time in whole seconds, so a job may start up to a second before it; never right away.
        Assert.InRange(ranAt - scheduledAt, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(10));
        await WaitForStateAsync(jobId, SucceededState.StateName);
        Assert.Equal(1, Host.Get<JobRunLog>().Count("later"));
    }

    [Fact]
    public async Task A_recurring_job_registered_through_the_manager_runs_when_triggered()
    {
        var recurring = Host.Get<IRecurringJobManager>();
        recurring.AddOrUpdate<RecordingJob>("test-recurring", job => job.Run("recurring"), Cron.Never());

        recurring.Trigger("test-recurring");

        await Host.Get<JobRunLog>().WaitForAsync("recurring", Bound);
        recurring.RemoveIfExists("test-recurring");
    }

    [Fact]
    public void The_bots_recurring_jobs_are_registered_at_start_up_including_the_daily_inbound_prune()
    {
        using var connection = Host.Get<JobStorage>().GetConnection();
        var recurring = connection.GetRecurringJobs().ToDictionary(j => j.Id);

        Assert.Contains(AcknowledgementExpiryJob.RecurringJobId, recurring.Keys);
        Assert.Contains(WriteWindowWatchJob.RecurringJobId, recurring.Keys);
        Assert.Contains(TrackingReconcilerJob.RecurringJobId, recurring.Keys);
        Assert.True(recurring.TryGetValue(InboundPruneJob.RecurringJobId, out var prune), "the inbound prune is not registered");
        Assert.Equal(Cron.Daily(), prune.Cron);
        Assert.Equal(typeof(InboundPruneJob), prune.Job.Type);
    }

    [Fact]
    public async Task The_server_uses_the_default_queue_and_a_small_worker_pool()
    {
        // The server announces itself in the storage shortly after the host has started.
        var monitoring = Host.Get<JobStorage>().GetMonitoringApi();
        await Eventually.TrueAsync(() => monitoring.Servers().Count > 0, "a job server to register itself", Bound);

        var server = Assert.Single(monitoring.Servers());

        Assert.Equal(2, server.WorkersCount);
        Assert.Equal([JobsOptions.DefaultQueue], server.Queues);
    }

    private string? StateOf(string jobId)
    {
        using var connection = Host.Get<JobStorage>().GetConnection();
        return connection.GetStateData(jobId)?.Name;
    }

    // The job's state moves to Succeeded just after the method returns; wait for it, bounded.
    private Task WaitForStateAsync(string jobId, string state) =>
        Eventually.TrueAsync(() => StateOf(jobId) == state, $"job {jobId} to reach {state}", Bound);

    public sealed class OnSqlite : JobServerTests
    {
        protected override Task<Dictionary<string, string?>> StorageSettingsAsync() =>
            Task.FromResult(new Dictionary<string, string?> { ["Storage:Provider"] = "Sqlite" });

        [Fact]
        public void Hangfire_keeps_its_own_sqlite_file_beside_the_bot_database()
        {
            var data = Path.Combine(Host.ContentRoot, "data");

            Assert.True(File.Exists(Path.Combine(data, JobsServiceCollectionExtensions.SqliteFileName)));
            Assert.True(File.Exists(Path.Combine(data, Bot.Storage.StorageOptions.SqliteFileName)));
            Assert.Contains(JobsServiceCollectionExtensions.SqliteFileName, Host.Get<JobStorage>().ToString(), StringComparison.Ordinal);
        }
    }

    [Collection(PostgresCollection.Name)]
    public sealed class OnPostgreSql(PostgresCluster cluster) : JobServerTests
    {
        private string connectionString = "";

        protected override async Task<Dictionary<string, string?>> StorageSettingsAsync()
        {
            connectionString = await cluster.CreateDatabaseAsync();
            return new Dictionary<string, string?>
            {
                ["Storage:Provider"] = "PostgreSql",
                ["ConnectionStrings:Postgres"] = connectionString,
            };
        }

        [Fact]
        public async Task Hangfire_keeps_its_tables_in_their_own_schema()
        {
            await using var connection = new Npgsql.NpgsqlConnection(connectionString);
            await connection.OpenAsync();
            await using var command = new Npgsql.NpgsqlCommand(
                "SELECT table_schema, count(*) FROM information_schema.tables WHERE table_name IN ('job', 'jobqueue', 'server') GROUP BY table_schema",
                connection);
            await using var reader = await command.ExecuteReaderAsync();
            var schemas = new List<(string Schema, long Tables)>();
            while (await reader.ReadAsync())
                schemas.Add((reader.GetString(0), reader.GetInt64(1)));

            Assert.Equal([(JobsServiceCollectionExtensions.PostgresSchema, 3L)], schemas);
        }
    }
}
