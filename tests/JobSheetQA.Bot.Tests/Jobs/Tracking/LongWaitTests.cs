using JobSheetQA.Bot.Jobs;
using JobSheetQA.Bot.Jobs.Tracking;
using JobSheetQA.Bot.Promotions;
using JobSheetQA.Bot.Storage;
using JobSheetQA.Bot.Tests.Chat.Support;
using JobSheetQA.Bot.Tests.Jobs.Support;
using JobSheetQA.GitHubSandbox.Simulation;

namespace JobSheetQA.Bot.Tests.Jobs.Tracking;

/// <summary>Long waits are reported, not silent (docs/configuration.md, "Tracking"): a run nobody picks up, a run held for
/// an environment review.</summary>
public sealed class LongWaitTests : IAsyncLifetime
{
    private TrackingBed bed = null!;
    private ChatTestHost chat = null!;

    public async Task InitializeAsync()
    {
        bed = await TrackingBed.StartAsync();
        chat = ChatTestHost.Start(bed.Settings(new Dictionary<string, string?> { ["Tracking:QueuedNoticeAfter"] = "00:00:02" }));
    }

    public async Task DisposeAsync()
    {
        await chat.DisposeAsync();
        await bed.DisposeAsync();
    }

    [Fact]
    public async Task A_run_left_queued_is_reported_once_while_tracking_goes_on()
    {
        bed.Control.EnqueueScenario(new Scenario { StayQueued = true });
        var promotion = await TrackingBed.DispatchAsync(chat);

        chat.Get<IRunTrackingScheduler>().TrackSoon(promotion.Id);

        var notice = await chat.Channel.WaitForMessageAsync(m => m.Text.Contains("has been queued for", StringComparison.Ordinal), conversationId: "general");
        Assert.Contains($"({promotion.Id})", notice.Text, StringComparison.Ordinal);
        Assert.Contains("I keep watching", notice.Text, StringComparison.Ordinal);
        await chat.Get<RunPoller>().PollOnceAsync(promotion.Id, default);
        await chat.Get<RunPoller>().PollOnceAsync(promotion.Id, default);
        Assert.Single(TrackingBed.TextMessages(chat.Channel, "general", "has been queued for"));
        Assert.Equal(PromotionState.Dispatched, (await chat.Get<PromotionStore>().FindAsync(promotion.Id))!.State);
    }

    [Fact]
    public async Task A_run_waiting_for_an_environment_review_is_reported_once_and_tracked_to_the_end_after_approval()
    {
        bed.Control.EnqueueScenario(new Scenario { WaitForReview = true });
        var promotion = await TrackingBed.DispatchAsync(chat, "production");

        chat.Get<IRunTrackingScheduler>().TrackSoon(promotion.Id);

        var notice = await chat.Channel.WaitForMessageAsync(m => m.Text.Contains("waiting for an environment review", StringComparison.Ordinal), conversationId: "general");
        Assert.Contains("review on **production**", notice.Text, StringComparison.Ordinal);
        await chat.Get<RunPoller>().PollOnceAsync(promotion.Id, default);
        Assert.True(bed.Control.ApproveDeployment(promotion.RunId!.Value));

        await chat.Channel.WaitForMessageAsync(m => m.Text.Contains("succeeded: every gate passed", StringComparison.Ordinal), conversationId: "general");
        Assert.Single(TrackingBed.TextMessages(chat.Channel, "general", "waiting for an environment review"));
    }
}
