using Hangfire;
using JobSheetQA.Bot.Jobs;
using JobSheetQA.Bot.Storage;
using JobSheetQA.Bot.Tests.Chat.Support;
using JobSheetQA.Bot.Tests.Jobs.Support;
using JobSheetQA.Bot.Tests.Storage.Support;
using JobSheetQA.Bot.Tests.Transcripts.Support;
using JobSheetQA.GitHubSandbox.Control;
using Microsoft.Extensions.DependencyInjection;

namespace JobSheetQA.Bot.Tests.Transcripts;

/// <summary>
/// Runbook §4.3 with <c>WriteWindows:ManageVariables=true</c>, typed in chat against a standalone GitHub sandbox: the bot
/// sets the window's flags on the production environment, restores them (read back) when it is closed or has ended —
/// also when it ended while the bot was stopped — and <c>posture</c> shows every scope GitHub applies.
/// </summary>
public abstract class ManagedWriteWindowTranscripts : IAsyncLifetime
{
    private const string Purge = "ENABLE_PURGE_EXECUTION";
    private const string Scheduler = "ENABLE_SCHEDULER";
    private const string Team = "release-ops";

    private readonly string folder = Directory.CreateTempSubdirectory("jobsheetqa-windows-").FullName;
    private TrackingBed bed = null!;
    private Dictionary<string, string?> settings = null!;

    private ChatTestHost Chat { get; set; } = null!;

    protected abstract Task<Dictionary<string, string?>> StorageSettingsAsync();

    public async Task InitializeAsync()
    {
        bed = await TrackingBed.StartAsync();
        settings = bed.Settings(await StorageSettingsAsync());
        settings["WriteWindows:ManageVariables"] = "true";
        settings["WriteWindows:RestoreRetryInitial"] = "00:00:02";
        Chat = ChatTestHost.Restart(folder, new TestChannel(), settings);
    }

    public async Task DisposeAsync()
    {
        await Chat.DisposeAsync();
        await bed.DisposeAsync();
        Directory.Delete(folder, recursive: true);
    }

    [Fact]
    public async Task Opening_a_managed_window_sets_the_flag_on_production_and_closing_it_restores_false_read_back()
    {
        await Chat.SayAsync("sam", "subscribe", Team);

        // dana: write-window open production CR-123 for 2h purge
        var opened = await Chat.SayAsync("dana", "write-window open production CR-123 for 2h purge");
        Assert.StartsWith("Write window **open** on production for CR-123 until", opened, StringComparison.Ordinal);
        Assert.Contains($"I set `{Purge}` = `true` on the production environment (read back; before: `{Purge}` = `false`)", opened, StringComparison.Ordinal);
        Assert.Equal("true", bed.Control.EnvironmentVariable("production", Purge));
        Assert.Equal("false", bed.Control.EnvironmentVariable("production", Scheduler)); // not asked for: untouched
        await Chat.Channel.WaitForMessageAsync(m => m.Text.Contains($"I set {Purge}=true on the production environment", StringComparison.Ordinal), conversationId: Team);

        // dana: posture — the window and the flag as the deploy job reads it.
        var posture = await Chat.SayAsync("dana", "posture");
        Assert.Contains($"`{Purge}`: environment `true`, repository unset, organisation unset → the deploy job reads `true`", posture, StringComparison.Ordinal);
        Assert.Contains("CR-123 by Dana", posture, StringComparison.Ordinal);

        // dana: write-window close production — restored and read back.
        var closed = await Chat.SayAsync("dana", "write-window close production");
        Assert.Contains($"Restored `{Purge}` = `false` on production (read back).", closed, StringComparison.Ordinal);
        Assert.Contains("production is back to read-only", closed, StringComparison.Ordinal);
        Assert.Equal("false", bed.Control.EnvironmentVariable("production", Purge));
        Assert.Empty(await Chat.Get<WriteWindowStore>().DueForRestoreAsync(DateTimeOffset.UtcNow.AddDays(1))); // nothing owed

        // The watch tells the channels, once the restore is done.
        Chat.Get<IRecurringJobManager>().Trigger(WriteWindowWatchJob.RecurringJobId);
        var end = await Chat.Channel.WaitForMessageAsync(m => m.Text.Contains("I restored the flags it had set and read them back", StringComparison.Ordinal), conversationId: Team);
        Assert.Contains("✅ **production is back to read-only**", end.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_managed_window_that_ends_while_the_bot_is_stopped_is_restored_after_start_up()
    {
        await Chat.SayAsync("sam", "subscribe", Team);
        bed.Control.RemoveEnvironmentVariable("production", Scheduler);

        var opened = await Chat.SayAsync("dana", "write-window open production CR-456 for 1h both");
        Assert.StartsWith("Write window **open** on production for CR-456", opened, StringComparison.Ordinal);
        Assert.Equal("true", bed.Control.EnvironmentVariable("production", Purge));
        Assert.Equal("true", bed.Control.EnvironmentVariable("production", Scheduler));

        // The bot stops; two hours pass; it starts again (same database, same chat).
        var channel = Chat.Channel;
        await Chat.DisposeAsync();
        Assert.Equal("true", bed.Control.EnvironmentVariable("production", Purge)); // nothing restores while the bot is down
        Chat = ChatTestHost.Restart(folder, channel, settings, services => services.AddSingleton<TimeProvider>(new ShiftedTime(TimeSpan.FromHours(2))));

        // At start-up the watch restores what the window had changed: false for purge, unset for the scheduler.
        var end = await Chat.Channel.WaitForMessageAsync(m => m.Text.Contains("The write window **CR-456** on **production** has ended. I restored the flags", StringComparison.Ordinal), TimeSpan.FromSeconds(45), Team);
        Assert.Contains("✅ **production is back to read-only**", end.Text, StringComparison.Ordinal);
        Assert.Equal("false", bed.Control.EnvironmentVariable("production", Purge));
        Assert.Null(bed.Control.EnvironmentVariable("production", Scheduler));
    }

    [Fact]
    public async Task A_restore_that_fails_is_announced_and_retried_until_it_succeeds()
    {
        await Chat.SayAsync("sam", "subscribe", Team);
        Assert.StartsWith("Write window **open**", await Chat.SayAsync("dana", "write-window open production CR-789 for 2h purge"), StringComparison.Ordinal);

        // GitHub refuses the write (say, the token lost Environments: write) while the window is closed.
        bed.Control.AddFault(new FaultRule { Path = "/environments/production/variables/", Method = "PATCH", Kind = FaultKind.Forbidden, Count = 0 });
        var closed = await Chat.SayAsync("dana", "write-window close production");
        Assert.Contains("⚠ Restoring the flags failed", closed, StringComparison.Ordinal);
        Assert.Equal("true", bed.Control.EnvironmentVariable("production", Purge));
        var failed = await Chat.Channel.WaitForMessageAsync(m => m.Text.Contains("Restoring the flags of write window **CR-789** on **production** failed (attempt 1)", StringComparison.Ordinal), conversationId: Team);
        Assert.Contains("production may still allow writes", failed.Text, StringComparison.Ordinal);

        // GitHub accepts writes again; the retry (scheduled, and picked up by the watch) restores and reads back.
        bed.Control.ClearFaults();
        await Task.Delay(TimeSpan.FromSeconds(2.5));
        Chat.Get<IRecurringJobManager>().Trigger(WriteWindowWatchJob.RecurringJobId);
        var end = await Chat.Channel.WaitForMessageAsync(m => m.Text.Contains("The write window **CR-789** on **production** was closed by Dana. I restored the flags", StringComparison.Ordinal), TimeSpan.FromSeconds(45), Team);
        Assert.Contains("✅ **production is back to read-only**", end.Text, StringComparison.Ordinal);
        Assert.Equal("false", bed.Control.EnvironmentVariable("production", Purge));
    }

    [Fact]
    public async Task A_flag_set_at_repository_scope_only_is_shown_by_posture_and_refuses_production()
    {
        bed.Control.RemoveEnvironmentVariable("production", Purge);
        bed.Control.SetRepositoryVariable(Purge, "true");

        var posture = await Chat.SayAsync("dana", "posture");
        Assert.Contains($"{Purge}: true (enabled; from repository scope", posture, StringComparison.Ordinal);
        Assert.Contains($"`{Purge}`: environment unset, repository `true`, organisation unset → the deploy job reads `true`", posture, StringComparison.Ordinal);

        var refused = await Chat.SayAsync("dana", "promote production");
        Assert.StartsWith("Denied: promote production", refused, StringComparison.Ordinal);
        Assert.Contains($"DENY POSTURE-PURGE (runbook §4.1–4.2): {Purge} is true on production (set at repository scope", refused, StringComparison.Ordinal);
        Assert.Empty(bed.Control.ListRuns());
    }

    /// <summary>The system clock moved on by <paramref name="offset"/>: the bot was stopped that long.</summary>
    private sealed class ShiftedTime(TimeSpan offset) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + offset;
    }

    public sealed class OnSqlite : ManagedWriteWindowTranscripts
    {
        protected override Task<Dictionary<string, string?>> StorageSettingsAsync() => Task.FromResult(TranscriptStorage.Sqlite());
    }

    [Collection(PostgresCollection.Name)]
    public sealed class OnPostgreSql(PostgresCluster cluster) : ManagedWriteWindowTranscripts
    {
        protected override Task<Dictionary<string, string?>> StorageSettingsAsync() => TranscriptStorage.PostgreSqlAsync(cluster);
    }
}
