using Hangfire;
using Hangfire.States;
using JobSheetQA.Bot.Chat.Outbound;
using JobSheetQA.Bot.GitHub;
using JobSheetQA.Bot.GitHub.Client;
using JobSheetQA.Bot.Jobs;
using JobSheetQA.Bot.Jobs.Tracking;
using JobSheetQA.Bot.Promotions;
using JobSheetQA.Bot.Storage;
using JobSheetQA.Bot.Storage.Entities;
using JobSheetQA.Bot.Tests.Chat.Support;
using JobSheetQA.Bot.Tests.GitHub;
using JobSheetQA.Bot.Tests.Jobs.Support;
using JobSheetQA.Bot.Tests.Storage.Support;
using JobSheetQA.GitHubSandbox.Control;
using JobSheetQA.GitHubSandbox.Simulation;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace JobSheetQA.Bot.Tests.Jobs.Tracking;

/// <summary>
/// Tracking repairs itself (issue #15): a chain Hangfire gave up on is revived by the reconciler, once; a run GitHub
/// answers 404 for is failed after <c>Tracking:RunGoneAfter</c>, not polled for ever; a missing parity report does not
/// hold the outcome back, and follows when it appears. The whole bot against the sandbox, on the bot's fake clock
/// (Hangfire keeps real time), on SQLite and on PostgreSQL.
/// </summary>
public abstract class TrackingRepairTests : IAsyncLifetime
{
    private const string RunPath = @"/actions/runs/\d+$";
    private const string ArtifactsPath = @"/actions/runs/\d+/artifacts$";

    private readonly FakeTimeProvider time = new(DateTimeOffset.UtcNow);
    private TrackingBed bed = null!;
    private ChatTestHost chat = null!;

    protected abstract Task<Dictionary<string, string?>> StorageSettingsAsync();

    public async Task InitializeAsync()
    {
        bed = await TrackingBed.StartAsync();
        var settings = await StorageSettingsAsync();
        settings["Tracking:RunGoneAfter"] = "00:10:00";
        // One try per call: the GitHub gateway's retry waits run on the bot's clock, which only the test moves.
        settings["GitHub:MaxAttempts"] = "1";
        // The gateway's own waits (the dispatch's search for its run) stay on real time: on the bot's clock, which only
        // the test moves, nothing would end them.
        chat = ChatTestHost.Start(bed.Settings(settings), services => services
            .AddSingleton<TimeProvider>(time)
            .AddSingleton<IGitHubDelayer>(new RecordingDelayer()));
        // The tests call the reconciler and the poller themselves; its minutely run would race them.
        chat.Get<IRecurringJobManager>().RemoveIfExists(TrackingReconcilerJob.RecurringJobId);
    }

    public async Task DisposeAsync()
    {
        await chat.DisposeAsync();
        await bed.DisposeAsync();
    }

    [Theory]
    [InlineData("failed")]
    [InlineData("deleted")]
    [InlineData("expired")]
    public async Task A_chain_whose_job_Hangfire_gave_up_on_is_revived_at_once_and_only_once(string how)
    {
        var promotion = await TrackingBed.DispatchAsync(chat);
        KillChain(promotion.Id, how);
        Assert.Equal(ChainHealth.Gone, chat.Get<TrackingChains>().Health(promotion.Id, TimeSpan.FromMinutes(6)));

        // The clock has not moved: the chain is not overdue, only gone.
        var reconciler = chat.Get<TrackingReconcilerJob>();
        Assert.Equal(1, await reconciler.ReconcileAsync(onlyOverdue: true, default));
        Assert.Equal(0, await reconciler.ReconcileAsync(onlyOverdue: true, default));

        await chat.Channel.WaitForMessageAsync(m => m.Text.Contains($"({promotion.Id}", StringComparison.Ordinal)
            && m.Text.Contains("succeeded: every gate passed", StringComparison.Ordinal), conversationId: "general");
        await TrackingBed.WaitForPromotionAsync(chat, promotion.Id, _ => chat.Get<TrackingChains>().NextDue(promotion.Id) is null);
        Assert.Single(TrackingBed.StatusCards(chat.Channel, "general"));
        Assert.Single(TrackingBed.TextMessages(chat.Channel, "general", "succeeded: every gate passed"));
    }

    [Fact]
    public async Task A_finished_promotion_whose_chain_died_before_its_outcome_was_posted_is_revived_and_reported_once()
    {
        var promotion = await TrackingBed.DispatchAsync(chat);
        chat.Channel.Fail = (_, _) => ChannelSendResult.TransientFailure("chat is down");
        await PollUntilAsync(promotion.Id, p => p.State == PromotionState.Succeeded);
        KillChain(promotion.Id, "failed");
        chat.Channel.Fail = null;
        Assert.Empty(chat.Channel.Messages("general"));

        Assert.Equal(1, await chat.Get<TrackingReconcilerJob>().ReconcileAsync(onlyOverdue: true, default));

        await chat.Channel.WaitForMessageAsync(m => m.Text.Contains("succeeded: every gate passed", StringComparison.Ordinal), conversationId: "general");
        await TrackingBed.WaitForPromotionAsync(chat, promotion.Id, _ => !chat.Get<TrackingChains>().Tracked().Contains(promotion.Id));
        Assert.Single(TrackingBed.TextMessages(chat.Channel, "general", "succeeded: every gate passed"));
        Assert.Equal(0, await chat.Get<TrackingReconcilerJob>().ReconcileAsync(onlyOverdue: true, default));
    }

    [Fact]
    public async Task A_run_GitHub_answers_404_for_is_failed_RunGoneAfter_the_first_404_with_a_clear_message()
    {
        var promotion = await TrackingBed.DispatchAsync(chat);
        var poller = chat.Get<RunPoller>();
        bed.Control.AddFault(new FaultRule { Path = RunPath, Method = "GET", Kind = FaultKind.NotFound, Count = 0 });

        var first = await poller.PollOnceAsync(promotion.Id, default);
        Assert.Equal(GitHubErrorKind.NotFound, first.Error?.Kind);
        time.Advance(TimeSpan.FromMinutes(9));
        await poller.PollOnceAsync(promotion.Id, default);
        Assert.Equal(PromotionState.Dispatched, (await chat.Get<PromotionStore>().FindAsync(promotion.Id))!.State);

        time.Advance(TimeSpan.FromMinutes(1));
        var last = await poller.PollOnceAsync(promotion.Id, default);

        Assert.True(last.Finished);
        var failed = (await chat.Get<PromotionStore>().FindAsync(promotion.Id))!;
        Assert.Equal(PromotionState.Failed, failed.State);
        Assert.Equal(PromotionFailure.RunGone, failed.Failure);
        Assert.Null(await chat.Get<PromotionLocks>().GetAsync("staging"));
        var outcome = Assert.Single(TrackingBed.TextMessages(chat.Channel, "general", "failed"));
        Assert.Contains($"GitHub answered 404 (not found) for workflow run {promotion.RunId} for 10 min", outcome.Text, StringComparison.Ordinal);
        Assert.Contains("Check the Actions tab", outcome.Text, StringComparison.Ordinal);
        Assert.Contains("run-gone", (await chat.Get<AuditLog>().ReadAsync(promotion.Id)).Last().Details, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Outages_do_not_count_as_404_and_an_answer_with_the_run_starts_the_count_afresh()
    {
        // The run waits for a runner throughout, so only the 404s could end the promotion.
        bed.Control.EnqueueScenario(new Scenario { StayQueued = true });
        var promotion = await TrackingBed.DispatchAsync(chat);
        var poller = chat.Get<RunPoller>();

        // A 404, then nine minutes later the run is back: the count starts again from the next 404.
        bed.Control.AddFault(new FaultRule { Path = RunPath, Method = "GET", Kind = FaultKind.NotFound });
        await poller.PollOnceAsync(promotion.Id, default);
        time.Advance(TimeSpan.FromMinutes(9));
        Assert.Null((await poller.PollOnceAsync(promotion.Id, default)).Error);

        bed.Control.AddFault(new FaultRule { Path = RunPath, Method = "GET", Kind = FaultKind.NotFound });
        await poller.PollOnceAsync(promotion.Id, default);
        time.Advance(TimeSpan.FromMinutes(9));

        // Server errors, timeouts and rate limits for longer than RunGoneAfter: nothing is failed.
        foreach (var kind in new[] { FaultKind.ServerError, FaultKind.BadGateway, FaultKind.TooManyRequests })
        {
            bed.Control.AddFault(new FaultRule { Path = RunPath, Method = "GET", Kind = kind, RetryAfterSeconds = 1 });
            var outcome = await poller.PollOnceAsync(promotion.Id, default);
            Assert.NotEqual(GitHubErrorKind.NotFound, outcome.Error?.Kind);
            time.Advance(TimeSpan.FromMinutes(5));
        }

        var stored = (await chat.Get<PromotionStore>().FindAsync(promotion.Id))!;
        Assert.True(PromotionStore.RunInFlightStates.Contains(stored.State), $"the promotion is {stored.State}");
        Assert.Empty(TrackingBed.TextMessages(chat.Channel, "general", "404"));
    }

    [Fact]
    public async Task A_parity_failure_without_its_report_is_posted_at_once_and_the_report_follows_when_it_appears()
    {
        await TrackingBed.SubscribeAsync(chat, "release-ops");
        bed.Control.EnqueueScenario(Scenario.ParityFails());
        var promotion = await TrackingBed.DispatchAsync(chat);
        bed.Control.AddFault(new FaultRule { Path = ArtifactsPath, Method = "GET", Kind = FaultKind.NotFound, Count = 0 });

        chat.Get<IRunTrackingScheduler>().TrackSoon(promotion.Id);

        // The bot's clock does not move: the outcome comes without waiting for the tracker's give-up time.
        var outcome = await chat.Channel.WaitForMessageAsync(m => m.Text.Contains("failed at **Parity Gate**", StringComparison.Ordinal), conversationId: "general");
        Assert.Contains("The parity report is not available yet", outcome.Text, StringComparison.Ordinal);
        Assert.Contains("I will post it here if it appears", outcome.Text, StringComparison.Ordinal);
        var notice = await chat.Channel.WaitForMessageAsync(m => m.Text.Contains("Parity Gate failed", StringComparison.Ordinal), conversationId: "release-ops");
        Assert.Contains("The parity report is not available yet", notice.Text, StringComparison.Ordinal);

        bed.Control.ClearFaults();

        foreach (var room in new[] { "general", "release-ops" })
        {
            var report = await chat.Channel.WaitForMessageAsync(m => m.Text.Contains("parity report of", StringComparison.Ordinal), conversationId: room);
            Assert.Contains($"({promotion.Id})", report.Text, StringComparison.Ordinal);
            Assert.Contains("- field_match_rate 0.912 < min 0.95", report.Text, StringComparison.Ordinal);
        }

        await TrackingBed.WaitForPromotionAsync(chat, promotion.Id, _ => chat.Get<TrackingChains>().NextDue(promotion.Id) is null);
        await chat.Get<RunPoller>().PollOnceAsync(promotion.Id, default);
        Assert.Single(TrackingBed.TextMessages(chat.Channel, "general", "parity report of"));
        Assert.Single(TrackingBed.TextMessages(chat.Channel, "general", "failed at **Parity Gate**"));
        Assert.Equal(2, chat.Channel.Messages("release-ops").Count);
    }

    [Fact]
    public async Task A_parity_report_that_never_appears_is_given_up_on_after_the_follow_up_time()
    {
        bed.Control.EnqueueScenario(Scenario.ParityFails() with { UploadParityReport = false });
        var promotion = await TrackingBed.DispatchAsync(chat);
        var poller = chat.Get<RunPoller>();
        await PollUntilAsync(promotion.Id, p => p.State == PromotionState.Failed);

        var outcome = Assert.Single(TrackingBed.TextMessages(chat.Channel, "general", "failed at **Parity Gate**"));
        Assert.Contains("The parity report is not available yet", outcome.Text, StringComparison.Ordinal);
        Assert.False((await poller.PollOnceAsync(promotion.Id, default)).Finished);

        time.Advance(TimeSpan.FromMinutes(11));

        Assert.True((await poller.PollOnceAsync(promotion.Id, default)).Finished);
        Assert.Empty(TrackingBed.TextMessages(chat.Channel, "general", "parity report of"));
        Assert.Single(TrackingBed.TextMessages(chat.Channel, "general", "failed at **Parity Gate**"));
    }

    /// <summary>A chain as Hangfire leaves it when it gives up: its job failed after the retries, deleted, or expired and gone.</summary>
    private void KillChain(string promotionId, string how)
    {
        var chains = chat.Get<TrackingChains>();
        var token = chains.Start(promotionId);
        if (how == "expired")
        {
            chains.Attach(promotionId, token, "987654");
            return;
        }

        var jobs = chat.Get<IBackgroundJobClient>();
        var jobId = jobs.Create<RunTrackingJob>(job => job.PollAsync(promotionId, token, 0, CancellationToken.None), new ScheduledState(TimeSpan.FromDays(1)));
        chains.Attach(promotionId, token, jobId);
        if (how == "deleted")
        {
            Assert.True(jobs.Delete(jobId));
        }
        else
        {
            // Its retries used up: the retry filter lets the failure stand.
            using (var connection = chat.Get<JobStorage>().GetConnection())
                connection.SetJobParameter(jobId, "RetryCount", "3");
            Assert.True(jobs.ChangeState(jobId, new FailedState(new TimeoutException("GitHub did not answer")), ScheduledState.StateName));
        }

        using var check = chat.Get<JobStorage>().GetConnection();
        Assert.Equal(how == "deleted" ? DeletedState.StateName : FailedState.StateName, check.GetJobData(jobId)!.State);
    }

    private async Task<PromotionEntity> PollUntilAsync(string promotionId, Func<PromotionEntity, bool> match)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(45);
        while (true)
        {
            await chat.Get<RunPoller>().PollOnceAsync(promotionId, default);
            var promotion = (await chat.Get<PromotionStore>().FindAsync(promotionId))!;
            if (match(promotion))
                return promotion;
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"Promotion {promotionId} is still {promotion.State}.");
            await Task.Delay(200);
        }
    }

    public sealed class OnSqlite : TrackingRepairTests
    {
        protected override Task<Dictionary<string, string?>> StorageSettingsAsync() => Task.FromResult(new Dictionary<string, string?>());
    }

    [Collection(PostgresCollection.Name)]
    public sealed class OnPostgreSql(PostgresCluster cluster) : TrackingRepairTests
    {
        protected override async Task<Dictionary<string, string?>> StorageSettingsAsync() => new()
        {
            ["Storage:Provider"] = "PostgreSql",
            ["ConnectionStrings:Postgres"] = await cluster.CreateDatabaseAsync(),
        };
    }
}
