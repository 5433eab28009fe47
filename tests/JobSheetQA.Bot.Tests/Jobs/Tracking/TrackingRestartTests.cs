using JobSheetQA.Bot.Chat.Replies;
using JobSheetQA.Bot.Promotions;
using JobSheetQA.Bot.Storage;
using JobSheetQA.Bot.Tests.Chat.Support;
using JobSheetQA.Bot.Tests.Jobs.Support;
using JobSheetQA.Rules.Facts;

namespace JobSheetQA.Bot.Tests.Jobs.Tracking;

/// <summary>Restart safety (docs/architecture.md, "Scale-out"): a bot stopped while runs are in flight picks them up
/// again and reports each once.</summary>
public sealed class TrackingRestartTests
{
    [Fact]
    public async Task A_restart_while_runs_are_in_flight_finishes_every_promotion_and_posts_each_thing_once()
    {
        // A slower pace than usual, so the runs are still going when the first bot stops.
        await using var bed = await TrackingBed.StartAsync(stepDelay: TimeSpan.FromMilliseconds(600));
        var folder = Directory.CreateTempSubdirectory("jobsheetqa-restart-").FullName;
        var channel = new TestChannel();
        try
        {
            string staging, production;
            await using (var first = ChatTestHost.Restart(folder, channel, bed.Settings()))
            {
                staging = (await TrackingBed.DispatchAsync(first, "staging", "general")).Id;
                production = (await TrackingBed.DispatchAsync(first, "production", "prod-room")).Id;
                first.Get<IRunTrackingScheduler>().TrackSoon(staging);
                first.Get<IRunTrackingScheduler>().TrackSoon(production);
                await TrackingBed.WaitForPromotionAsync(first, staging, p => p.State == PromotionState.Running);
                await TrackingBed.WaitForPromotionAsync(first, production, p => p.State == PromotionState.Running);
            }

            Assert.Empty(TrackingBed.TextMessages(channel, "general", "succeeded"));

            await using var second = ChatTestHost.Restart(folder, channel, bed.Settings());
            await channel.WaitForMessageAsync(m => m.Text.Contains($"({staging}", StringComparison.Ordinal) && m.Text.Contains("succeeded", StringComparison.Ordinal), conversationId: "general");
            await channel.WaitForMessageAsync(m => m.Text.Contains("verify the read-only posture", StringComparison.Ordinal), conversationId: "prod-room");
            await channel.WaitForMessageAsync(m => m.Text.Contains($"({production}", StringComparison.Ordinal) && m.Text.Contains("succeeded", StringComparison.Ordinal), conversationId: "prod-room");

            foreach (var (id, room) in new[] { (staging, "general"), (production, "prod-room") })
            {
                var card = Assert.Single(TrackingBed.StatusCards(channel, room));
                Assert.All(Assert.IsType<StatusCardBlock>(card.Reply.Blocks[0]).Steps, s => Assert.Equal(StepOutcome.Passed, s.Outcome));
                Assert.Single(TrackingBed.TextMessages(channel, room, "succeeded: every gate passed"));
                Assert.Equal(PromotionState.Succeeded, (await second.Get<PromotionStore>().FindAsync(id))!.State);
            }

            Assert.Single(TrackingBed.TextMessages(channel, "prod-room", "verify the read-only posture"));
            Assert.Empty(TrackingBed.TextMessages(channel, "general", "verify the read-only posture"));
            Assert.Equal(2, bed.Control.ListRuns().Count);
        }
        finally
        {
            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }

    [Fact]
    public async Task A_dispatched_promotion_left_untracked_by_a_stopped_bot_is_tracked_by_the_next_one()
    {
        await using var bed = await TrackingBed.StartAsync();
        var folder = Directory.CreateTempSubdirectory("jobsheetqa-restart-").FullName;
        var channel = new TestChannel();
        try
        {
            string id;
            // The bot stopped between dispatching and starting to track (no job was ever enqueued).
            await using (var first = ChatTestHost.Restart(folder, channel, bed.Settings()))
                id = (await TrackingBed.DispatchAsync(first)).Id;

            await using var second = ChatTestHost.Restart(folder, channel, bed.Settings());

            await channel.WaitForMessageAsync(m => m.Text.Contains($"({id}", StringComparison.Ordinal) && m.Text.Contains("succeeded", StringComparison.Ordinal), conversationId: "general");
            Assert.Single(TrackingBed.StatusCards(channel, "general"));
        }
        finally
        {
            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }
}
