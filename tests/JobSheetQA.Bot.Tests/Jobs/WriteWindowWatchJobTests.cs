using JobSheetQA.Bot.Jobs;
using JobSheetQA.Bot.Jobs.Tracking;
using JobSheetQA.Bot.Storage;
using JobSheetQA.Bot.Tests.Chat.Support;
using JobSheetQA.Bot.Tests.Jobs.Support;

namespace JobSheetQA.Bot.Tests.Jobs;

/// <summary>Runbook §4.3: a reminder before a write window ends, and after it a posture check, each said once to subscribers.</summary>
public sealed class WriteWindowWatchJobTests : IAsyncLifetime
{
    private TrackingBed bed = null!;
    private ChatTestHost chat = null!;

    public async Task InitializeAsync()
    {
        bed = await TrackingBed.StartAsync();
        chat = ChatTestHost.Start(bed.Settings());
        await TrackingBed.SubscribeAsync(chat, "release-ops");
    }

    public async Task DisposeAsync()
    {
        await chat.DisposeAsync();
        await bed.DisposeAsync();
    }

    private WriteWindowWatchJob Job => chat.Get<WriteWindowWatchJob>();

    [Fact]
    public async Task A_window_ending_within_the_policy_lead_gets_one_reminder()
    {
        var now = DateTimeOffset.UtcNow;
        await chat.Get<WriteWindowStore>().OpenAsync("production", "CR-123", Person("Dana"), now - TimeSpan.FromMinutes(50), now + TimeSpan.FromMinutes(10));
        await chat.Get<WriteWindowStore>().OpenAsync("production", "CR-124", Person("Sam"), now, now + TimeSpan.FromHours(2));

        await Job.RunAsync(default);
        await Job.RunAsync(default);

        var reminder = Assert.Single(chat.Channel.Messages("release-ops"));
        Assert.Contains("The write window **CR-123** on **production** (opened by Dana) ends at", reminder.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task After_a_window_ends_the_channel_hears_once_that_production_is_back_to_read_only()
    {
        var now = DateTimeOffset.UtcNow;
        bed.Control.RemoveEnvironmentVariable("production", "ENABLE_SCHEDULER");
        await chat.Get<WriteWindowStore>().OpenAsync("production", "CR-200", Person("Dana"), now - TimeSpan.FromHours(1), now - TimeSpan.FromSeconds(1));

        await Job.RunAsync(default);
        await Job.RunAsync(default);

        var check = Assert.Single(chat.Channel.Messages("release-ops"));
        Assert.Equal(
            "The write window **CR-200** on **production** has ended. ✅ **production is back to read-only** (ENABLE_PURGE_EXECUTION=false, ENABLE_SCHEDULER=unset).",
            check.Text);
    }

    [Fact]
    public async Task A_closed_window_with_a_flag_left_on_is_called_out()
    {
        var now = DateTimeOffset.UtcNow;
        bed.Control.SetEnvironmentVariable("production", "ENABLE_PURGE_EXECUTION", "true");
        await chat.Get<WriteWindowStore>().OpenAsync("production", "CR-300", Person("Dana"), now - TimeSpan.FromMinutes(20), now + TimeSpan.FromHours(1));
        await chat.Get<WriteWindowStore>().CloseAsync("production", Person("Sam"), now);

        await Job.RunAsync(default);

        var check = Assert.Single(chat.Channel.Messages("release-ops"));
        Assert.Contains("**CR-300** on **production** was closed by Sam", check.Text, StringComparison.Ordinal);
        Assert.Contains("⚠️ **production is NOT back to read-only**: ENABLE_PURGE_EXECUTION still true", check.Text, StringComparison.Ordinal);
    }

    private static Actor Person(string name) => new($"test:{name.ToLowerInvariant()}", name);
}
