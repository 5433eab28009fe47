using JobSheetQA.Bot.Chat.Replies;
using JobSheetQA.Bot.Promotions;
using JobSheetQA.Bot.Storage;
using JobSheetQA.Bot.Tests.Chat.Support;
using JobSheetQA.Bot.Tests.Jobs.Support;
using JobSheetQA.Bot.Tests.Storage.Support;
using JobSheetQA.Rules.Facts;

namespace JobSheetQA.Bot.Tests.Jobs.Tracking;

/// <summary>Scale-out (docs/architecture.md, "Scale-out"): two bot instances on one PostgreSQL database (and its Hangfire storage) both
/// asked to track the same promotion post each thing once.</summary>
[Collection(PostgresCollection.Name)]
public sealed class TwoInstanceTrackingTests(PostgresCluster cluster)
{
    [Fact]
    public async Task Two_instances_tracking_one_promotion_post_one_status_card_one_gate_failure_and_one_outcome()
    {
        await using var bed = await TrackingBed.StartAsync();
        var settings = bed.Settings(new Dictionary<string, string?>
        {
            ["Storage:Provider"] = "PostgreSql",
            ["ConnectionStrings:Postgres"] = await cluster.CreateDatabaseAsync(),
        });
        var channel = new TestChannel();
        var folders = new[] { Directory.CreateTempSubdirectory("jobsheetqa-a-").FullName, Directory.CreateTempSubdirectory("jobsheetqa-b-").FullName };
        try
        {
            await using var a = ChatTestHost.Restart(folders[0], channel, settings);
            await using var b = ChatTestHost.Restart(folders[1], channel, settings);
            await TrackingBed.SubscribeAsync(a, "release-ops");
            bed.Control.EnqueueScenario(JobSheetQA.GitHubSandbox.Simulation.Scenario.FailAtJob("CI Gate", "Unit tests failed"));
            var promotion = await TrackingBed.DispatchAsync(a);

            a.Get<IRunTrackingScheduler>().TrackSoon(promotion.Id);
            b.Get<IRunTrackingScheduler>().TrackSoon(promotion.Id);
            a.Get<IRunTrackingScheduler>().TrackSoon(promotion.Id);

            await channel.WaitForMessageAsync(m => m.Text.Contains("failed at **CI Gate**", StringComparison.Ordinal), conversationId: "general");
            await TrackingBed.WaitForPromotionAsync(b, promotion.Id, p => p.State == PromotionState.Failed);
            await channel.WaitForMessageAsync(m => m.Text.Contains("CI Gate failed", StringComparison.Ordinal), conversationId: "release-ops");

            var card = Assert.Single(TrackingBed.StatusCards(channel, "general"));
            var block = Assert.IsType<StatusCardBlock>(card.Reply.Blocks[0]);
            Assert.Equal("failed at CI Gate", block.State);
            Assert.Equal(StepOutcome.Failed, block.Steps.Single(s => s.Step == PromotionStep.CiGate).Outcome);
            Assert.Single(TrackingBed.TextMessages(channel, "general", "failed at **CI Gate**"));
            Assert.Single(channel.Messages("release-ops"));
            Assert.Single(bed.Control.ListRuns());
        }
        finally
        {
            foreach (var folder in folders)
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
}
