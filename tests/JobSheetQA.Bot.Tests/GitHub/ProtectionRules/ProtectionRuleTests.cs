using System.Net;
using JobSheetQA.Bot.GitHub.Webhooks;
using JobSheetQA.Bot.Storage;
using JobSheetQA.Bot.Tests.Jobs.Support;
using JobSheetQA.Bot.Tests.Storage.Support;
using JobSheetQA.Bot.Tests.Transcripts.Support;
using JobSheetQA.GitHubSandbox.Control;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace JobSheetQA.Bot.Tests.GitHub.ProtectionRules;

/// <summary>
/// The side entrance closed (issue #13): a run started with the Actions tab's Run workflow button waits at Deploy for the
/// bot's deployment protection rule, which judges it with the same rules as <c>promote</c>. Everything goes over HTTP on
/// 127.0.0.1: the sandbox's signed webhook into the bot, the bot's reads and its review back to the sandbox. Runs on
/// SQLite and on PostgreSQL (<see cref="OnSqlite"/>, <see cref="OnPostgreSql"/>).
/// </summary>
public abstract class ProtectionRuleTests : IAsyncLifetime
{
    private readonly CapturingLoggerProvider logs = new();
    private ProtectionRuleBed bed = null!;

    public async Task InitializeAsync() =>
        bed = await ProtectionRuleBed.StartAsync(services => services.AddSingleton<ILoggerProvider>(logs), await StorageSettingsAsync());

    /// <summary>Where the bot keeps its data: SQLite by default.</summary>
    protected virtual Task<Dictionary<string, string?>> StorageSettingsAsync() => Task.FromResult(TranscriptStorage.Sqlite());

    public async Task DisposeAsync() => await bed.DisposeAsync();

    [Fact]
    public async Task A_staging_run_from_the_Actions_tab_is_approved_recorded_with_source_actions_and_tracked_to_success()
    {
        await TrackingBed.SubscribeAsync(bed.Chat, "ops");

        var started = bed.Control.StartFromActionsTab("octocat", "staging");
        var run = await bed.WaitForRunAsync(started.Id, r => r.Conclusion is not null);

        Assert.Equal("success", run.Conclusion);
        Assert.Equal("approved", run.ProtectionRule!.State);
        Assert.Equal(1, run.ProtectionRule.Reviews);
        Assert.Contains("Allowed by JobSheetQA.Bot", run.ProtectionRule.Comment, StringComparison.Ordinal);

        var promotion = Assert.Single(await bed.Chat.Get<PromotionStore>().RecentAsync("staging", 10));
        Assert.Equal(PromotionSource.Actions, promotion.Source);
        Assert.Equal(started.Id, promotion.RunId);
        Assert.Equal(("github", "octocat"), (promotion.RequesterChannel, promotion.RequesterUserId));
        Assert.Equal(ProtectionRuleBed.Head, promotion.CommitSha);
        var audit = await bed.Chat.Get<AuditLog>().ReadAsync(promotion.Id);
        Assert.Contains(audit, e => e.Action == "promotion.requested" && e.Actor.Id == "github:octocat");

        var notice = await bed.Chat.Channel.WaitForMessageAsync(m => m.Text.Contains("Actions tab", StringComparison.Ordinal), conversationId: "ops");
        Assert.Contains("started from the Actions tab by @octocat", notice.Text, StringComparison.Ordinal);
        Assert.Contains("allowed", notice.Text, StringComparison.Ordinal);

        // Tracked like a chat promotion: it succeeds, frees staging and counts as staging evidence for production.
        await TrackingBed.WaitForPromotionAsync(bed.Chat, promotion.Id, p => p.State == PromotionState.Succeeded);
        // The move to Succeeded is stored first, the lock given back right after it.
        for (var i = 0; i < 50 && await bed.Chat.Get<PromotionLocks>().GetAsync("staging") is not null; i++)
            await Task.Delay(100);
        Assert.Null(await bed.Chat.Get<PromotionLocks>().GetAsync("staging"));
        var evidence = await bed.Chat.Get<PromotionStore>().CompletedForCommitAsync(ProtectionRuleBed.Head);
        Assert.Contains(evidence, p => p.PromotionId == promotion.Id && p.Environment == "staging");

        // The sandbox announced the run's and its jobs' progress with signed workflow_run / workflow_job webhooks, which the bot took.
        await using var db = await bed.Chat.Get<IDbContextFactory<BotDbContext>>().CreateDbContextAsync();
        Assert.True(await db.ProcessedInbound.CountAsync(p => p.Channel == TrackerWakingWebhookProcessor.DeliveryChannel) >= 7);
    }

    [Fact]
    public async Task A_production_run_without_staging_verification_is_rejected_naming_STAGE_FIRST_and_fails()
    {
        await TrackingBed.SubscribeAsync(bed.Chat, "ops");

        var started = bed.Control.StartFromActionsTab("octocat", "production");
        var run = await bed.WaitForRunAsync(started.Id, r => r.Conclusion is not null);

        Assert.Equal("failure", run.Conclusion);
        Assert.Equal("failure", run.Jobs.Single(j => j.Name == "Deploy").Conclusion);
        Assert.Equal("rejected", run.ProtectionRule!.State);
        Assert.Contains("STAGE-FIRST (runbook §3)", run.ProtectionRule.Comment, StringComparison.Ordinal);

        var promotion = Assert.Single(await bed.Chat.Get<PromotionStore>().RecentAsync("production", 10));
        Assert.Equal((PromotionState.Refused, PromotionSource.Actions), (promotion.State, promotion.Source));
        Assert.Null(await bed.Chat.Get<PromotionLocks>().GetAsync("production"));
        var notice = await bed.Chat.Channel.WaitForMessageAsync(m => m.Text.Contains("Actions tab", StringComparison.Ordinal), conversationId: "ops");
        Assert.Contains("`promote production` started from the Actions tab by @octocat", notice.Text, StringComparison.Ordinal);
        Assert.Contains("refused — STAGE-FIRST", notice.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_production_run_from_the_Actions_tab_is_rejected_naming_POSTURE_CHECKLIST_which_only_chat_can_answer()
    {
        var started = bed.Control.StartFromActionsTab("octocat", "production");
        var run = await bed.WaitForRunAsync(started.Id, r => r.Conclusion is not null);

        Assert.Equal("rejected", run.ProtectionRule!.State);
        Assert.Contains("POSTURE-CHECKLIST (runbook §4.2)", run.ProtectionRule.Comment, StringComparison.Ordinal);
        Assert.Equal("failure", run.Conclusion);
    }

    [Fact]
    public async Task A_posture_flag_switched_on_rejects_the_run_naming_the_flag()
    {
        bed.Control.SetEnvironmentVariable("production", "ENABLE_PURGE_EXECUTION", "true");

        var started = bed.Control.StartFromActionsTab("octocat", "production");
        var run = await bed.WaitForRunAsync(started.Id, r => r.Conclusion is not null);

        Assert.Equal("rejected", run.ProtectionRule!.State);
        Assert.Contains("POSTURE-PURGE", run.ProtectionRule.Comment, StringComparison.Ordinal);
        Assert.Contains("ENABLE_PURGE_EXECUTION", run.ProtectionRule.Comment, StringComparison.Ordinal);
        Assert.Equal("failure", run.Conclusion);
    }

    [Fact]
    public async Task A_run_the_bot_dispatched_itself_is_approved_while_its_promotion_is_in_flight()
    {
        var answer = await bed.Chat.SayAsync("dana", "promote staging");
        Assert.Contains("Dispatched", answer, StringComparison.OrdinalIgnoreCase);
        var promotion = Assert.Single(await bed.Chat.Get<PromotionStore>().RecentAsync("staging", 10));

        var run = await bed.WaitForRunAsync(promotion.RunId!.Value, r => r.Conclusion is not null);

        Assert.Equal("success", run.Conclusion);
        Assert.Equal("approved", run.ProtectionRule!.State);
        Assert.Contains("the run the bot dispatched", run.ProtectionRule.Comment, StringComparison.Ordinal);
        Assert.Single(await bed.Chat.Get<PromotionStore>().RecentAsync("staging", 10));
    }

    [Fact]
    public async Task A_run_the_bot_dispatched_is_rejected_when_HEAD_moved_past_the_judged_commit()
    {
        bed.AutoDeliver = false;
        await bed.Chat.SayAsync("dana", "promote staging");
        var promotion = Assert.Single(await bed.Chat.Get<PromotionStore>().RecentAsync("staging", 10));
        await bed.WaitUntilDeployWaitsAsync(promotion.RunId!.Value);
        bed.Control.SetBranchHead("main", "1111111111111111111111111111111111111111");

        Assert.Equal(HttpStatusCode.OK, await bed.PostAsync(bed.Control.ProtectionRuleDelivery(promotion.RunId.Value)!, Guid.NewGuid().ToString()));

        var run = await bed.WaitForRunAsync(promotion.RunId.Value, r => r.Conclusion is not null);
        Assert.Equal("rejected", run.ProtectionRule!.State);
        Assert.Contains("main moved from the judged commit 9f2c4e1 to 1111111", run.ProtectionRule.Comment, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_workflow_is_judged_at_the_deployed_commit_not_at_the_branch()
    {
        bed.AutoDeliver = false;
        const string path = ".github/workflows/promotion.yml";
        const string moved = "2222222222222222222222222222222222222222";
        var reference = JobSheetQA.GitHubSandbox.State.RepositoryState.DefaultPromotionWorkflow;
        var withoutParityGate = reference.Replace("name: Parity Gate", "name: Parity Check", StringComparison.Ordinal);

        // The deployed commit's workflow lacks the Parity Gate; the branch has moved on to one that has it again.
        var first = bed.Control.StartFromActionsTab("octocat", "staging");
        await bed.WaitUntilDeployWaitsAsync(first.Id);
        bed.Control.SetFile(path, withoutParityGate);
        bed.Control.KeepFilesAtCommit(ProtectionRuleBed.Head);
        bed.Control.SetFile(path, reference);
        bed.Control.SetBranchHead("main", moved);
        Assert.Equal(HttpStatusCode.OK, await bed.PostAsync(bed.Control.ProtectionRuleDelivery(first.Id)!, Guid.NewGuid().ToString()));

        var rejected = await bed.WaitForRunAsync(first.Id, r => r.Conclusion is not null);
        Assert.Equal("rejected", rejected.ProtectionRule!.State);
        Assert.Contains("WORKFLOW-GATES", rejected.ProtectionRule.Comment, StringComparison.Ordinal);
        Assert.Contains($"on {ProtectionRuleBed.Head} defines no job named \"Parity Gate\"", rejected.ProtectionRule.Comment, StringComparison.Ordinal);

        // The other way round: the branch lost the gate after the deployed commit, which has it: approved.
        var second = bed.Control.StartFromActionsTab("octocat", "staging");
        await bed.WaitUntilDeployWaitsAsync(second.Id);
        bed.Control.KeepFilesAtCommit(moved);
        bed.Control.SetFile(path, withoutParityGate);
        Assert.Equal(HttpStatusCode.OK, await bed.PostAsync(bed.Control.ProtectionRuleDelivery(second.Id)!, Guid.NewGuid().ToString()));

        var approved = await bed.WaitForRunAsync(second.Id, r => r.ProtectionRule!.State is not null);
        Assert.Equal((moved, "approved"), (approved.HeadSha, approved.ProtectionRule!.State));
    }

    // (A production run that skips parity fails at Validate Request before Deploy asks: the workflow refuses it itself.)
    [Fact]
    public async Task A_staging_run_from_the_Actions_tab_that_skips_parity_is_rejected_naming_the_acknowledgement_rule()
    {
        const string environment = "staging";
        // The form's acknowledgement box is not the typed acknowledgement: the bot cannot see it, and the run title does not show it.
        var started = bed.Control.StartFromActionsTab("octocat", environment,
            inputs: new Dictionary<string, string> { ["skip_parity"] = "true", ["skip_parity_acknowledgement"] = "I_ACCEPT_PARITY_SKIP" });
        Assert.Equal($"Promotion {environment} skip_parity=true nightly=false [manual]", started.DisplayTitle);

        var run = await bed.WaitForRunAsync(started.Id, r => r.Conclusion is not null);

        Assert.Equal(("failure", "rejected"), (run.Conclusion, run.ProtectionRule!.State));
        Assert.Matches(@"REQ-SKIP-ACK \(runbook [^)]+\): needs the typed acknowledgement, which only a chat promotion can give", run.ProtectionRule.Comment);
        Assert.DoesNotContain("inputs are unknown", run.ProtectionRule.Comment, StringComparison.Ordinal);
        var promotion = Assert.Single(await bed.Chat.Get<PromotionStore>().RecentAsync(environment, 10));
        Assert.Equal((PromotionState.Refused, true, false), (promotion.State, promotion.SkipParity, promotion.UseNightlyParity));
    }

    [Fact]
    public async Task A_run_whose_title_does_not_show_its_inputs_is_judged_as_skipping_parity_and_says_so()
    {
        // The run-name promotion.yml had before the inputs were added to it.
        var reference = JobSheetQA.GitHubSandbox.State.RepositoryState.DefaultPromotionWorkflow;
        var oldRunName = System.Text.RegularExpressions.Regex.Replace(reference, "^run-name: .*$",
            "run-name: Promotion ${{ inputs.target_environment }} [${{ inputs.correlation_id || 'manual' }}]", System.Text.RegularExpressions.RegexOptions.Multiline);
        Assert.NotEqual(reference, oldRunName);
        bed.Control.SetFile(".github/workflows/promotion.yml", oldRunName);

        var started = bed.Control.StartFromActionsTab("octocat", "staging");
        Assert.Equal("Promotion staging [manual]", started.DisplayTitle);
        var run = await bed.WaitForRunAsync(started.Id, r => r.Conclusion is not null);

        Assert.Equal("rejected", run.ProtectionRule!.State);
        Assert.Contains("Its inputs are unknown: the run title \"Promotion staging [manual]\" does not show skip_parity and use_nightly_parity",
            run.ProtectionRule.Comment, StringComparison.Ordinal);
        Assert.Contains("REQ-SKIP-ACK", run.ProtectionRule.Comment, StringComparison.Ordinal);
        var promotion = Assert.Single(await bed.Chat.Get<PromotionStore>().RecentAsync("staging", 10));
        Assert.Equal((PromotionState.Refused, true), (promotion.State, promotion.SkipParity));
    }

    [Fact]
    public async Task History_shows_a_run_started_from_the_Actions_tab_as_such()
    {
        var started = bed.Control.StartFromActionsTab("octocat", "production");
        await bed.WaitForRunAsync(started.Id, r => r.Conclusion is not null);

        var history = await bed.Chat.SayAsync("dana", "history production");

        Assert.Contains("promote production (from the Actions tab) · refused (STAGE-FIRST)", history, StringComparison.Ordinal);
        Assert.Contains("@octocat", history, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_delivery_with_a_bad_signature_is_refused_with_401_and_nothing_is_reviewed()
    {
        bed.AutoDeliver = false;
        var started = bed.Control.StartFromActionsTab("octocat", "staging");
        await bed.WaitUntilDeployWaitsAsync(started.Id);
        var body = bed.Control.ProtectionRuleDelivery(started.Id)!;

        Assert.Equal(HttpStatusCode.Unauthorized, await bed.PostAsync(body, Guid.NewGuid().ToString(), secret: "not the secret"));
        Assert.Equal(HttpStatusCode.Unauthorized, await bed.PostAsync(body, Guid.NewGuid().ToString(), secret: null));

        var run = bed.Control.GetRun(started.Id)!;
        Assert.Equal("waiting", run.Status);
        Assert.Equal(0, run.ProtectionRule!.Reviews);
        Assert.Empty(await bed.Chat.Get<PromotionStore>().RecentAsync("staging", 10));
    }

    [Fact]
    public async Task A_redelivered_event_is_reviewed_once()
    {
        bed.AutoDeliver = false;
        var started = bed.Control.StartFromActionsTab("octocat", "staging");
        await bed.WaitUntilDeployWaitsAsync(started.Id);
        var body = bed.Control.ProtectionRuleDelivery(started.Id)!;
        var delivery = Guid.NewGuid().ToString();

        Assert.Equal(HttpStatusCode.OK, await bed.PostAsync(body, delivery));
        Assert.Equal(HttpStatusCode.OK, await bed.PostAsync(body, delivery));
        // The same request under a new delivery id (GitHub sent it twice): the deployment was reviewed already.
        Assert.Equal(HttpStatusCode.OK, await bed.PostAsync(body, Guid.NewGuid().ToString()));

        var run = await bed.WaitForRunAsync(started.Id, r => r.Conclusion is not null);
        Assert.Equal(1, run.ProtectionRule!.Reviews);
        Assert.Equal("approved", run.ProtectionRule.State);
        Assert.Single(await bed.Chat.Get<PromotionStore>().RecentAsync("staging", 10));
    }

    [Fact]
    public async Task A_review_given_before_a_restart_is_not_given_again_after_it()
    {
        bed.AutoDeliver = false;
        var started = bed.Control.StartFromActionsTab("octocat", "staging");
        await bed.WaitUntilDeployWaitsAsync(started.Id);
        var body = bed.Control.ProtectionRuleDelivery(started.Id)!;
        Assert.Equal(HttpStatusCode.OK, await bed.PostAsync(body, Guid.NewGuid().ToString()));

        await bed.RestartBotAsync();
        Assert.Equal(HttpStatusCode.OK, await bed.PostAsync(body, Guid.NewGuid().ToString()));

        var run = await bed.WaitForRunAsync(started.Id, r => r.Conclusion is not null);
        Assert.Equal(1, run.ProtectionRule!.Reviews);
        Assert.Single(await bed.Chat.Get<PromotionStore>().RecentAsync("staging", 10));
    }

    [Fact]
    public async Task A_run_started_while_another_promotion_holds_the_environment_is_rejected_naming_LOCK()
    {
        Assert.True((await bed.Chat.Get<PromotionLocks>().TryAcquireAsync("staging", "p-held", "Dana", DateTimeOffset.UtcNow)).Acquired);

        var started = bed.Control.StartFromActionsTab("octocat", "staging");
        var run = await bed.WaitForRunAsync(started.Id, r => r.Conclusion is not null);

        Assert.Equal("rejected", run.ProtectionRule!.State);
        Assert.Contains("LOCK", run.ProtectionRule.Comment, StringComparison.Ordinal);
        Assert.Contains("p-held", run.ProtectionRule.Comment, StringComparison.Ordinal);
        Assert.Equal("p-held", (await bed.Chat.Get<PromotionLocks>().GetAsync("staging"))!.PromotionId);
    }

    [Fact]
    public async Task An_error_while_judging_rejects_the_run_with_the_reason()
    {
        bed.Control.AddFault(new FaultRule { Path = @"/actions/runs/\d+$", Method = "GET", Kind = FaultKind.Forbidden, Count = 0 });

        var started = bed.Control.StartFromActionsTab("octocat", "staging");
        var run = await bed.WaitForRunAsync(started.Id, r => r.Conclusion is not null);

        Assert.Equal("failure", run.Conclusion);
        Assert.Equal("rejected", run.ProtectionRule!.State);
        Assert.Contains("could not be judged", run.ProtectionRule.Comment, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_delivery_for_another_repository_is_acknowledged_and_left_unanswered()
    {
        bed.AutoDeliver = false;
        var started = bed.Control.StartFromActionsTab("octocat", "staging");
        await bed.WaitUntilDeployWaitsAsync(started.Id);
        var body = bed.Control.ProtectionRuleDelivery(started.Id)!.Replace("contoso/job-sheet-qa-auditor", "contoso/another-repository", StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.OK, await bed.PostAsync(body, Guid.NewGuid().ToString()));

        await Task.Delay(300);
        var run = bed.Control.GetRun(started.Id)!;
        Assert.Equal(("waiting", 0), (run.Status, run.ProtectionRule!.Reviews));
        Assert.Empty(await bed.Chat.Get<PromotionStore>().RecentAsync(null, 10));
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("""{"action":"requested","environment":"staging"}""")]
    [InlineData("""{"action":"requested","environment":"staging","deployment_callback_url":"https://api.github.com/repos/o/r/actions/runs/x/deployment_protection_rule","deployment":{"id":1,"sha":"9f2c4e1a7b3d5c6e8f0a1b2c3d4e5f60718293a4"},"sender":{"login":"octocat"},"repository":{"full_name":"contoso/job-sheet-qa-auditor"}}""")]
    public async Task A_malformed_payload_is_a_400_without_an_error_in_the_log(string body)
    {
        Assert.Equal(HttpStatusCode.BadRequest, await bed.PostAsync(body, Guid.NewGuid().ToString()));

        Assert.DoesNotContain(logs.Lines, line => line.StartsWith("Error", StringComparison.Ordinal) || line.StartsWith("Critical", StringComparison.Ordinal));
        Assert.Empty(await bed.Chat.Get<PromotionStore>().RecentAsync(null, 10));
    }

    public sealed class OnSqlite : ProtectionRuleTests
    {
    }

    [Collection(PostgresCollection.Name)]
    public sealed class OnPostgreSql(PostgresCluster cluster) : ProtectionRuleTests
    {
        protected override Task<Dictionary<string, string?>> StorageSettingsAsync() => TranscriptStorage.PostgreSqlAsync(cluster);
    }
}
