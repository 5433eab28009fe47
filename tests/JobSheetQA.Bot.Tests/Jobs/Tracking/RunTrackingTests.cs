using JobSheetQA.Bot.Chat.Replies;
using JobSheetQA.Bot.Jobs;
using JobSheetQA.Bot.Jobs.Tracking;
using JobSheetQA.Bot.Promotions;
using JobSheetQA.Bot.Storage;
using JobSheetQA.Bot.Tests.Chat.Support;
using JobSheetQA.Bot.Tests.Jobs.Support;
using JobSheetQA.Bot.Tests.Storage.Support;
using JobSheetQA.GitHubSandbox.Simulation;
using JobSheetQA.Rules.Facts;

namespace JobSheetQA.Bot.Tests.Jobs.Tracking;

/// <summary>
/// The whole bot tracks a promotion dispatched against the sandbox: status card updated in place, outcome once, gate
/// failures to subscribers with the parity violations. Every test runs on SQLite and on PostgreSQL (Hangfire too).
/// </summary>
public abstract class RunTrackingTests : IAsyncLifetime
{
    private TrackingBed bed = null!;
    private ChatTestHost chat = null!;

    protected abstract Task<Dictionary<string, string?>> StorageSettingsAsync();

    public async Task InitializeAsync()
    {
        // Each step takes a second, so the run is still going when the first poll comes, even on a loaded machine,
        // and the card has something to be updated with.
        bed = await TrackingBed.StartAsync(TimeSpan.FromSeconds(1));
        chat = ChatTestHost.Start(bed.Settings(await StorageSettingsAsync()));
    }

    public async Task DisposeAsync()
    {
        await chat.DisposeAsync();
        await bed.DisposeAsync();
    }

    [Fact]
    public async Task A_run_whose_gates_all_pass_gets_one_status_card_updated_in_place_and_one_outcome()
    {
        var promotion = await TrackingBed.DispatchAsync(chat);

        chat.Get<IRunTrackingScheduler>().TrackSoon(promotion.Id);

        var outcome = await chat.Channel.WaitForMessageAsync(m => m.Text.Contains("succeeded", StringComparison.Ordinal) && m.Reply.Blocks[0] is TextBlock, conversationId: "general");
        Assert.Contains($"promote staging** ({promotion.Id}", outcome.Text, StringComparison.Ordinal);
        var card = Assert.Single(TrackingBed.StatusCards(chat.Channel, "general"));
        var block = Assert.IsType<StatusCardBlock>(card.Reply.Blocks[0]);
        Assert.Equal("succeeded", block.State);
        Assert.All(block.Steps, s => Assert.Equal(StepOutcome.Passed, s.Outcome));
        Assert.Contains(chat.Channel.Posts, p => p.IsUpdate && p.MessageId == card.MessageId);
        Assert.Single(TrackingBed.TextMessages(chat.Channel, "general", "succeeded"));

        var stored = await chat.Get<PromotionStore>().FindAsync(promotion.Id);
        Assert.Equal(PromotionState.Succeeded, stored!.State);
        Assert.Equal(6, stored.GateResults.Count);
        Assert.Null(await chat.Get<PromotionLocks>().GetAsync("staging"));
        var moves = (await chat.Get<AuditLog>().ReadAsync(promotion.Id)).Select(e => (e.Actor.Id, e.Actor.Name, e.Action)).ToList();
        Assert.Equal([("system:tracker", "tracker", "promotion.running"), ("system:tracker", "tracker", "promotion.succeeded")], moves);
    }

    [Fact]
    public async Task Tracking_the_same_promotion_again_and_at_once_posts_nothing_twice()
    {
        var promotion = await TrackingBed.DispatchAsync(chat);
        chat.Get<IRunTrackingScheduler>().TrackSoon(promotion.Id);
        await chat.Channel.WaitForMessageAsync(m => m.Text.Contains("succeeded: every gate passed", StringComparison.Ordinal), conversationId: "general");
        var posts = chat.Channel.Posts.Count;

        // A duplicate job run (Hangfire may run one twice) and two more at once, plus a fresh chain from a webhook or the reconciler.
        var poller = chat.Get<RunPoller>();
        var outcomes = await Task.WhenAll(poller.PollOnceAsync(promotion.Id, default), poller.PollOnceAsync(promotion.Id, default), poller.PollOnceAsync(promotion.Id, default));
        chat.Get<IRunTrackingScheduler>().TrackSoon(promotion.Id);
        await chat.Get<RunTrackingJob>().PollAsync(promotion.Id, "stale-chain", 0, default);

        Assert.All(outcomes, o => Assert.True(o.Finished));
        Assert.Equal(posts, chat.Channel.Posts.Count);
        Assert.Single(TrackingBed.StatusCards(chat.Channel, "general"));
    }

    [Fact]
    public async Task A_parity_failure_notifies_each_subscribed_conversation_once_with_the_violations()
    {
        await TrackingBed.SubscribeAsync(chat, "release-ops");
        await TrackingBed.SubscribeAsync(chat, "qa-leads", includeOutcomes: true);
        bed.Control.EnqueueScenario(Scenario.ParityFails());
        var promotion = await TrackingBed.DispatchAsync(chat);

        chat.Get<IRunTrackingScheduler>().TrackSoon(promotion.Id);

        var notice = await chat.Channel.WaitForMessageAsync(m => m.Text.Contains("Parity Gate failed", StringComparison.Ordinal), conversationId: "release-ops");
        Assert.Contains($"({promotion.Id}", notice.Text, StringComparison.Ordinal);
        Assert.Contains("[Workflow run](", notice.Text, StringComparison.Ordinal);
        Assert.Contains("- field_match_rate 0.912 < min 0.95", notice.Text, StringComparison.Ordinal);
        Assert.Contains("- document_match_rate 0.831 < min 0.9", notice.Text, StringComparison.Ordinal);
        Assert.Contains("- critical_field_mismatches 3 > max 0", notice.Text, StringComparison.Ordinal);
        Assert.Contains("- p95_latency_ms 9120 > max 8000", notice.Text, StringComparison.Ordinal);

        var outcome = await chat.Channel.WaitForMessageAsync(m => m.Text.Contains("failed at **Parity Gate**", StringComparison.Ordinal), conversationId: "general");
        Assert.Contains("field_match_rate 0.912 < min 0.95", outcome.Text, StringComparison.Ordinal);
        await chat.Channel.WaitForMessageAsync(m => m.Text.Contains("failed at **Parity Gate**", StringComparison.Ordinal), conversationId: "qa-leads");
        var card = Assert.IsType<StatusCardBlock>(Assert.Single(TrackingBed.StatusCards(chat.Channel, "general")).Reply.Blocks[0]);
        Assert.Equal("failed at Parity Gate", card.State);

        await chat.Get<RunPoller>().PollOnceAsync(promotion.Id, default);
        await chat.Get<RunPoller>().PollOnceAsync(promotion.Id, default);
        Assert.Single(chat.Channel.Messages("release-ops"));
        Assert.Equal(2, chat.Channel.Messages("qa-leads").Count); // the gate failure and the outcome it asked for
        Assert.Single(TrackingBed.TextMessages(chat.Channel, "general", "failed at **Parity Gate**"));
        Assert.Equal(PromotionState.Failed, (await chat.Get<PromotionStore>().FindAsync(promotion.Id))!.State);
    }

    public sealed class OnSqlite : RunTrackingTests
    {
        protected override Task<Dictionary<string, string?>> StorageSettingsAsync() => Task.FromResult(new Dictionary<string, string?>());
    }

    [Collection(PostgresCollection.Name)]
    public sealed class OnPostgreSql(PostgresCluster cluster) : RunTrackingTests
    {
        protected override async Task<Dictionary<string, string?>> StorageSettingsAsync() => new()
        {
            ["Storage:Provider"] = "PostgreSql",
            ["ConnectionStrings:Postgres"] = await cluster.CreateDatabaseAsync(),
        };
    }
}
