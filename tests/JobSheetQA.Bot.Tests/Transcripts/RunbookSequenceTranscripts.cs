using Hangfire;
using JobSheetQA.Bot.Chat.Replies;
using JobSheetQA.Bot.Jobs;
using JobSheetQA.Bot.Jobs.Tracking;
using JobSheetQA.Bot.Storage;
using JobSheetQA.Bot.Tests.Chat.Support;
using JobSheetQA.Bot.Tests.Jobs.Support;
using JobSheetQA.Bot.Tests.Storage.Support;
using JobSheetQA.Bot.Tests.Transcripts.Support;
using JobSheetQA.GitHubSandbox.Simulation;
using JobSheetQA.Rules.Facts;

namespace JobSheetQA.Bot.Tests.Transcripts;

/// <summary>
/// The runbook's whole sequence (§3 staging first, §2.4 skip, §4 posture and write windows, §5.2 parity failures) typed in
/// chat, with the bot's real Hangfire tracking against a standalone GitHub sandbox: what people type, what the bot
/// answers, and what it posts later into the conversation and the subscribed team channel. Runs on SQLite and PostgreSQL.
/// </summary>
public abstract class RunbookSequenceTranscripts : IAsyncLifetime
{
    private const string Phrase = "I_ACCEPT_PARITY_SKIP";
    private const string Team = "release-ops";

    private TrackingBed bed = null!;

    private ChatTestHost Chat { get; set; } = null!;

    protected abstract Task<Dictionary<string, string?>> StorageSettingsAsync();

    public async Task InitializeAsync()
    {
        // Slow enough that the 1 s tracking poll finds the run going (its card is updated in place even on a loaded
        // machine), fast enough to finish in seconds.
        bed = await TrackingBed.StartAsync(stepDelay: TimeSpan.FromMilliseconds(700));
        Chat = ChatTestHost.Start(bed.Settings(await StorageSettingsAsync()));
    }

    public async Task DisposeAsync()
    {
        await Chat.DisposeAsync();
        await bed.DisposeAsync();
    }

    [Fact]
    public async Task Staging_first_then_production_as_the_runbook_orders_it()
    {
        // (in release-ops) sam: subscribe
        Assert.StartsWith("Subscribed: this conversation receives gate failures", await Chat.SayAsync("sam", "subscribe", Team), StringComparison.Ordinal);

        // dana: promote staging — dispatched; the status card follows the run in place until every gate passed.
        var staging = await PromoteStagingUntilSucceededAsync();
        var card = Assert.Single(TrackingBed.StatusCards(Chat.Channel, "general"));
        var block = Assert.IsType<StatusCardBlock>(card.Reply.Blocks[0]);
        Assert.Equal("succeeded", block.State);
        Assert.All(block.Steps, s => Assert.Equal(StepOutcome.Passed, s.Outcome));
        Assert.Contains(Chat.Channel.Posts, p => p.IsUpdate && p.MessageId == card.MessageId);
        Assert.Empty(Chat.Channel.Messages(Team)); // nothing failed: the team channel hears nothing

        // dana: promote production — staging is not verified yet.
        var early = await Chat.SayAsync("dana", "promote production");
        Assert.StartsWith("Denied: promote production from main", early, StringComparison.Ordinal);
        Assert.Contains("DENY STAGE-FIRST (runbook §3)", early, StringComparison.Ordinal);

        // vera: verify staging, ticks the three checks.
        await VerifyStagingAsync(staging.CommitSha);

        // dana: promote production skip parity — impossible by design, whatever else holds.
        var skip = await Chat.SayAsync("dana", "promote production skip parity");
        Assert.StartsWith("Denied: promote production from main", skip, StringComparison.Ordinal);
        Assert.Contains("DENY REQ-NO-PROD-SKIP (runbook §2.4, §5.5): Cannot skip parity for production", skip, StringComparison.Ordinal);
        Assert.DoesNotContain(Phrase, skip, StringComparison.Ordinal);

        // dana: promote production — runbook §4.2 "before production deployment, verify": the checklist is asked first.
        var asked = await Chat.SayAsync("dana", "promote production");
        Assert.StartsWith($"**Read-only posture checklist** before promote production at `{staging.CommitSha[..7]}`", asked, StringComparison.Ordinal);
        Assert.Contains("ACK  POSTURE-CHECKLIST (runbook §4.2)", asked, StringComparison.Ordinal);
        Assert.Single(bed.Control.ListRuns()); // nothing dispatched while the question is open

        // dana: yes no yes — "no destructive operations are scheduled" not confirmed: refused, naming the rule.
        var refused = await Chat.SayAsync("dana", "yes no yes");
        Assert.StartsWith("Denied: promote production from main", refused, StringComparison.Ordinal);
        Assert.Contains("DENY POSTURE-CHECKLIST (runbook §4.2)", refused, StringComparison.Ordinal);
        Assert.Contains("not confirmed that no destructive operations are scheduled", refused, StringComparison.Ordinal);
        Assert.Single(bed.Control.ListRuns());

        // dana: promote production, then yes yes yes — dispatched, tracked to success, then the after-deploy checklist is asked for.
        Assert.StartsWith("**Read-only posture checklist**", await Chat.SayAsync("dana", "promote production"), StringComparison.Ordinal);
        var production = await Chat.SayAsync("dana", "yes yes yes");
        Assert.StartsWith($"**Dispatched** promote production at `{staging.CommitSha[..7]}`", production, StringComparison.Ordinal);
        var before = await Chat.Get<PostureChecklistStore>().ForPromotionAsync(TranscriptTest.PromotionIdIn(production), PostureChecklistStage.BeforeDispatch);
        Assert.True(before is { PurgeExecutionDisabled: true, SchedulerDisabled: true, DatabaseReadOnly: true, NoDestructiveOperationsScheduled: true, MonitoringAlertsConfigured: true });
        var id = TranscriptTest.PromotionIdIn(production);
        var run = RunOf(id);
        Assert.Equal("production", run.Inputs["target_environment"]);
        Assert.Equal("false", run.Inputs["skip_parity"]);
        Assert.Equal("", run.Inputs["skip_parity_acknowledgement"]);
        await WaitForOutcomeAsync(id, "succeeded: every gate passed");
        var checklist = await Chat.Channel.WaitForMessageAsync(m => m.Text.Contains("verify the read-only posture", StringComparison.Ordinal), conversationId: "general");
        Assert.Contains(checklist.Reply.Blocks, b => b is FormBlock);

        Assert.Equal(2, bed.Control.ListRuns().Count);
        Assert.Equal(2, TrackingBed.StatusCards(Chat.Channel, "general").Count);
        Assert.Single(TrackingBed.TextMessages(Chat.Channel, "general", $"({id}"), m => m.Text.Contains("succeeded", StringComparison.Ordinal));
        Assert.Equal(PromotionState.Succeeded, (await Chat.Get<PromotionStore>().FindAsync(id))!.State);
        Assert.Empty(Chat.Channel.Messages(Team));
    }

    [Fact]
    public async Task A_parity_failure_reaches_the_team_channel_and_staging_may_then_skip_parity_with_the_exact_phrase()
    {
        // (in release-ops) sam: subscribe
        await Chat.SayAsync("sam", "subscribe", Team);
        bed.Control.EnqueueScenario(Scenario.ParityFails());

        // dana: promote staging — the Parity Gate fails on GitHub.
        var failing = TranscriptTest.PromotionIdIn(await Chat.SayAsync("dana", "promote staging"));
        var notice = await Chat.Channel.WaitForMessageAsync(m => m.Text.Contains("**Parity Gate failed**", StringComparison.Ordinal), conversationId: Team);
        Assert.Contains($"({failing}", notice.Text, StringComparison.Ordinal);
        Assert.Contains("[Workflow run](", notice.Text, StringComparison.Ordinal);
        Assert.Contains("- field_match_rate 0.912 < min 0.95", notice.Text, StringComparison.Ordinal);
        Assert.Contains("- critical_field_mismatches 3 > max 0", notice.Text, StringComparison.Ordinal);
        await WaitForOutcomeAsync(failing, "failed at **Parity Gate**");
        Assert.Equal("failed at Parity Gate", Assert.IsType<StatusCardBlock>(Assert.Single(TrackingBed.StatusCards(Chat.Channel, "general")).Reply.Blocks[0]).State);

        // Runbook §5.5: "if urgent, deploy to staging first with skip". dana: promote staging skip parity
        var prompt = await Chat.SayAsync("dana", "promote staging skip parity");
        Assert.StartsWith("**Needs acknowledgement**: promote staging skip parity", prompt, StringComparison.Ordinal);
        var skipping = TranscriptTest.PromotionIdIn(prompt);

        // dana: i_accept_parity_skip / "I_ACCEPT_PARITY_SKIP " — wrong case and an extra space are refused.
        foreach (var wrong in new[] { "i_accept_parity_skip", Phrase + " ", "I_ACCEPT_PARITY  SKIP" })
            Assert.StartsWith($"**Missing skip acknowledgement**: you typed `{wrong}`. Type exactly `{Phrase}`", await Chat.SayAsync("dana", wrong), StringComparison.Ordinal);
        Assert.Single(bed.Control.ListRuns());

        // dana: I_ACCEPT_PARITY_SKIP — dispatched with the runbook's inputs; the Parity Gate is skipped, the rest pass.
        Assert.StartsWith("**Dispatched** promote staging skip parity", await Chat.SayAsync("dana", Phrase), StringComparison.Ordinal);
        var run = RunOf(skipping);
        Assert.Equal("staging", run.Inputs["target_environment"]);
        Assert.Equal("true", run.Inputs["skip_parity"]);
        Assert.Equal(Phrase, run.Inputs["skip_parity_acknowledgement"]);
        Assert.Equal("false", run.Inputs["use_nightly_parity"]);
        await WaitForOutcomeAsync(skipping, "succeeded");
        var card = TrackingBed.StatusCards(Chat.Channel, "general").Select(c => Assert.IsType<StatusCardBlock>(c.Reply.Blocks[0])).Last();
        Assert.Equal(StepOutcome.Skipped, card.Steps.Single(s => s.Step == PromotionStep.ParityGate).Outcome);
        Assert.Equal(StepOutcome.Passed, card.Steps.Single(s => s.Step == PromotionStep.Deploy).Outcome);

        Assert.Single(Chat.Channel.Messages(Team)); // only the failure; successes are not sent to a failures-only subscription
        Assert.Equal(2, bed.Control.ListRuns().Count);
    }

    [Fact]
    public async Task A_posture_flag_refuses_production_until_a_write_window_is_open_and_its_end_says_whether_production_is_read_only()
    {
        await Chat.SayAsync("sam", "subscribe", Team);
        var staging = await PromoteStagingUntilSucceededAsync();
        await VerifyStagingAsync(staging.CommitSha);

        // Someone turns purging on in production (runbook §4.1). dana: promote production — refused.
        bed.Control.SetEnvironmentVariable("production", "ENABLE_PURGE_EXECUTION", "true");
        var refused = await Chat.SayAsync("dana", "promote production");
        Assert.StartsWith("Denied: promote production", refused, StringComparison.Ordinal);
        Assert.Contains("DENY POSTURE-PURGE (runbook §4.1", refused, StringComparison.Ordinal);
        Assert.Contains("ENABLE_PURGE_EXECUTION", refused, StringComparison.Ordinal);

        // dana: write-window open production CR-123 for 2h — then the same promotion is allowed.
        var window = await Chat.SayAsync("dana", "write-window open production CR-123 for 2h");
        Assert.StartsWith("Write window **open** on production for CR-123 until", window, StringComparison.Ordinal);
        Assert.StartsWith("**Read-only posture checklist**", await Chat.SayAsync("dana", "promote production"), StringComparison.Ordinal);
        var allowed = await Chat.SayAsync("dana", "yes yes yes");
        Assert.StartsWith("**Dispatched** promote production", allowed, StringComparison.Ordinal);
        Assert.Contains("WARN POSTURE-PURGE:", allowed, StringComparison.Ordinal);
        var id = TranscriptTest.PromotionIdIn(allowed);
        Assert.Equal("production", RunOf(id).Inputs["target_environment"]);
        await WaitForOutcomeAsync(id, "succeeded: every gate passed");

        // The write is done: purging back off (runbook §4.3 step 4). dana: write-window close production
        bed.Control.SetEnvironmentVariable("production", "ENABLE_PURGE_EXECUTION", "false");
        var closed = await Chat.SayAsync("dana", "write-window close production");
        Assert.StartsWith("Write window for CR-123 on production (opened by Dana", closed, StringComparison.Ordinal);
        Assert.Contains("production is back to read-only", closed, StringComparison.Ordinal);

        // The write-window watch (a minutely Hangfire job; triggered now rather than waited for) says it in the channels.
        Chat.Get<IRecurringJobManager>().Trigger(WriteWindowWatchJob.RecurringJobId);
        const string check = "The write window **CR-123** on **production** was closed by Dana. ✅ **production is back to read-only** (ENABLE_PURGE_EXECUTION=false, ENABLE_SCHEDULER=false).";
        await Chat.Channel.WaitForMessageAsync(m => m.Text == check, conversationId: Team);
        await Chat.Channel.WaitForMessageAsync(m => m.Text == check, conversationId: "general");
        Assert.Single(Chat.Channel.Messages(Team), m => m.Text.Contains("write window", StringComparison.Ordinal));
    }

    /// <summary>dana: promote staging — and waits until tracking posts its success.</summary>
    private async Task<PromotionSnapshot> PromoteStagingUntilSucceededAsync()
    {
        var head = bed.Control.Repository.Branches["main"];
        var bot = await Chat.SayAsync("dana", "promote staging");
        Assert.StartsWith($"**Dispatched** promote staging at `{head[..7]}`", bot, StringComparison.Ordinal);
        var id = TranscriptTest.PromotionIdIn(bot);
        Assert.Equal("staging", RunOf(id).Inputs["target_environment"]);
        await WaitForOutcomeAsync(id, "succeeded: every gate passed");
        return new PromotionSnapshot(id, head);
    }

    /// <summary>vera: verify staging — and ticks health, smoke tests and key functionality.</summary>
    private async Task VerifyStagingAsync(string commitSha)
    {
        var ask = await Chat.SayAsync("vera", "verify staging");
        Assert.StartsWith($"**Verify staging**: commit `{commitSha[..7]}` is deployed there", ask, StringComparison.Ordinal);
        var recorded = await Chat.SubmitAsync("vera", $"verify:staging:{commitSha}",
            new Dictionary<string, string> { ["health"] = "true", ["smoke"] = "true", ["functionality"] = "true", ["note"] = "smoke suite green" });
        Assert.StartsWith($"Verification recorded for `{commitSha[..7]}` on staging by Vera", recorded, StringComparison.Ordinal);
    }

    private Task<TestChannelPost> WaitForOutcomeAsync(string promotionId, string text) =>
        Chat.Channel.WaitForMessageAsync(
            m => m.Reply.Blocks[0] is TextBlock && m.Text.Contains($"({promotionId},", StringComparison.Ordinal) && m.Text.Contains(text, StringComparison.Ordinal),
            TimeSpan.FromSeconds(45), "general");

    private JobSheetQA.GitHubSandbox.Control.RunSummary RunOf(string promotionId) =>
        Assert.Single(bed.Control.ListRuns(), r => r.Inputs.TryGetValue("correlation_id", out var id) && id == promotionId);

    private sealed record PromotionSnapshot(string Id, string CommitSha);

    public sealed class OnSqlite : RunbookSequenceTranscripts
    {
        protected override Task<Dictionary<string, string?>> StorageSettingsAsync() => Task.FromResult(TranscriptStorage.Sqlite());
    }

    [Collection(PostgresCollection.Name)]
    public sealed class OnPostgreSql(PostgresCluster cluster) : RunbookSequenceTranscripts
    {
        protected override Task<Dictionary<string, string?>> StorageSettingsAsync() => TranscriptStorage.PostgreSqlAsync(cluster);
    }
}
