using System.Net;
using JobSheetQA.Bot.GitHub;
using JobSheetQA.Bot.Promotions.ProtectionRules;
using JobSheetQA.Bot.Storage;
using JobSheetQA.Bot.Storage.Entities;
using JobSheetQA.Bot.Tests.Storage.Support;
using JobSheetQA.Bot.Tests.Transcripts.Support;
using JobSheetQA.GitHubSandbox.Control;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NSubstitute;

namespace JobSheetQA.Bot.Tests.GitHub.ProtectionRules;

/// <summary>
/// Never leaves GitHub waiting (issue #13): the webhook stores a pending review and is answered at once, a job judges and
/// answers it, and a review a dead bot left behind is answered after the restart, once. Over real HTTP against the
/// sandbox, on SQLite and PostgreSQL.
/// </summary>
public abstract class ProtectionReviewDurabilityTests : IAsyncLifetime
{
    private ProtectionRuleBed bed = null!;

    public async Task InitializeAsync() => bed = await ProtectionRuleBed.StartAsync(storage: await StorageSettingsAsync());

    protected virtual Task<Dictionary<string, string?>> StorageSettingsAsync() => Task.FromResult(TranscriptStorage.Sqlite());

    public async Task DisposeAsync() => await bed.DisposeAsync();

    [Fact]
    public async Task The_webhook_is_answered_before_judging_and_the_review_arrives_from_the_job()
    {
        var started = await bed.StartWaitingRunAsync();
        // Reading the run takes 3 s: an answer given inside the webhook request would come after it.
        bed.Control.AddFault(new FaultRule { Path = $@"/actions/runs/{started.Id}$", Method = "GET", Kind = FaultKind.Slow, DelayMs = 3000 });

        Assert.Equal(HttpStatusCode.OK, await bed.PostAsync(bed.Control.ProtectionRuleDelivery(started.Id)!, Guid.NewGuid().ToString()));

        Assert.Equal(0, bed.Control.GetRun(started.Id)!.ProtectionRule!.Reviews);
        var pending = Assert.Single(await ReviewsAsync());
        Assert.Equal((started.Id, "staging"), (pending.RunId, pending.Environment));
        Assert.Contains(pending.State, new[] { PendingReviewState.Pending, PendingReviewState.Judging });

        var run = await bed.WaitForRunAsync(started.Id, r => r.Conclusion is not null);
        Assert.Equal(("success", "approved", 1), (run.Conclusion, run.ProtectionRule!.State, run.ProtectionRule.Reviews));
        var answered = Assert.Single(await ReviewsAsync());
        Assert.Equal((PendingReviewState.Answered, true, 1), (answered.State, answered.Approved, answered.SendAttempts));
        Assert.NotNull(answered.PromotionId);
    }

    [Fact]
    public async Task A_redelivery_while_the_first_is_being_judged_adds_no_review()
    {
        var started = await bed.StartWaitingRunAsync();
        bed.Control.AddFault(new FaultRule { Path = $@"/actions/runs/{started.Id}$", Method = "GET", Kind = FaultKind.Slow, DelayMs = 1000 });
        var body = bed.Control.ProtectionRuleDelivery(started.Id)!;

        Assert.Equal(HttpStatusCode.OK, await bed.PostAsync(body, Guid.NewGuid().ToString()));
        Assert.Equal(HttpStatusCode.OK, await bed.PostAsync(body, Guid.NewGuid().ToString()));

        var run = await bed.WaitForRunAsync(started.Id, r => r.Conclusion is not null);
        Assert.Equal(1, run.ProtectionRule!.Reviews);
        Assert.Single(await ReviewsAsync());
        Assert.Single(await bed.Chat.Get<PromotionStore>().RecentAsync("staging", 10));
    }

    [Fact]
    public async Task A_review_stored_by_a_bot_that_died_before_its_job_ran_is_judged_after_the_restart_once()
    {
        var started = await bed.StartWaitingRunAsync();
        // What the webhook writes before it queues the job; the job never made it.
        Assert.NotNull(await bed.Chat.Get<PendingReviewStore>().TryAddAsync(Row(started.Id, DateTimeOffset.UtcNow)));

        await bed.RestartBotAsync();
        // GitHub redelivers the event after the restart: still one review.
        Assert.Equal(HttpStatusCode.OK, await bed.PostAsync(bed.Control.ProtectionRuleDelivery(started.Id)!, Guid.NewGuid().ToString()));

        var run = await bed.WaitForRunAsync(started.Id, r => r.Conclusion is not null);
        Assert.Equal(("approved", 1), (run.ProtectionRule!.State, run.ProtectionRule.Reviews));
        Assert.Equal(PendingReviewState.Answered, Assert.Single(await ReviewsAsync()).State);
        Assert.Single(await bed.Chat.Get<PromotionStore>().RecentAsync("staging", 10));
    }

    [Fact]
    public async Task A_review_a_bot_died_judging_is_rejected_by_the_sweep_after_the_restart_once()
    {
        var started = await bed.StartWaitingRunAsync();
        var store = bed.Chat.Get<PendingReviewStore>();
        var id = await store.TryAddAsync(Row(started.Id, DateTimeOffset.UtcNow - TimeSpan.FromMinutes(10)));
        Assert.True(await store.TryClaimAsync(id!.Value, DateTimeOffset.UtcNow - TimeSpan.FromMinutes(10)));

        await bed.RestartBotAsync();

        var run = await bed.WaitForRunAsync(started.Id, r => r.Conclusion is not null);
        Assert.Equal(("failure", "rejected", 1), (run.Conclusion, run.ProtectionRule!.State, run.ProtectionRule.Reviews));
        Assert.Contains(PendingProtectionReviews.NotFinishedReason, run.ProtectionRule.Comment, StringComparison.Ordinal);
        var answered = Assert.Single(await ReviewsAsync());
        Assert.Equal((PendingReviewState.Answered, false), (answered.State, answered.Approved));

        // The next sweeps leave it answered.
        await bed.Chat.Get<PendingProtectionReviews>().SweepAsync(resume: true, CancellationToken.None);
        Assert.Equal(1, bed.Control.GetRun(started.Id)!.ProtectionRule!.Reviews);
    }

    [Fact]
    public async Task A_promotion_a_bot_died_judging_left_holding_its_environment_is_refused_by_the_sweep_and_frees_it()
    {
        var started = await bed.StartWaitingRunAsync();
        var store = bed.Chat.Get<PendingReviewStore>();
        var longAgo = DateTimeOffset.UtcNow - TimeSpan.FromMinutes(10);
        var id = await store.TryAddAsync(Row(started.Id, longAgo));
        Assert.True(await store.TryClaimAsync(id!.Value, longAgo));
        // The judging had recorded the run's promotion, judged it and taken staging when the bot died.
        await bed.Chat.Get<PromotionStore>().AddAsync(new PromotionEntity
        {
            Id = "p-died-judging",
            Environment = "staging",
            Ref = "main",
            CommitSha = ProtectionRuleBed.Head,
            RequesterChannel = "github",
            RequesterUserId = "octocat",
            RequesterDisplayName = "@octocat",
            State = PromotionState.Evaluated,
            Source = PromotionSource.Actions,
            CorrelationId = "p-died-judging",
            RunId = started.Id,
            CreatedAt = longAgo,
            UpdatedAt = longAgo,
        });
        Assert.True((await bed.Chat.Get<PromotionLocks>().TryAcquireAsync("staging", "p-died-judging", "@octocat", longAgo)).Acquired);

        await bed.RestartBotAsync();

        var run = await bed.WaitForRunAsync(started.Id, r => r.Conclusion is not null);
        Assert.Equal("rejected", run.ProtectionRule!.State);
        Assert.Equal(PromotionState.Refused, (await bed.Chat.Get<PromotionStore>().FindAsync("p-died-judging"))!.State);
        Assert.Null(await bed.Chat.Get<PromotionLocks>().GetAsync("staging"));
    }

    [Fact]
    public async Task A_decided_answer_GitHub_did_not_take_is_sent_again_by_the_sweep_as_decided()
    {
        var started = await bed.StartWaitingRunAsync();
        var store = bed.Chat.Get<PendingReviewStore>();
        var longAgo = DateTimeOffset.UtcNow - TimeSpan.FromMinutes(1);
        var id = (await store.TryAddAsync(Row(started.Id, DateTimeOffset.UtcNow)))!.Value;
        Assert.True(await store.TryClaimAsync(id, longAgo));
        // Judged and decided, then the send failed (or the bot died before sending): the stored answer is what goes.
        Assert.True(await store.TryDecideAsync(id, approved: false, "Refused by JobSheetQA.Bot: the stored answer.", promotionId: null, longAgo));

        await bed.Chat.Get<PendingProtectionReviews>().SweepAsync(resume: false, CancellationToken.None);
        await bed.Chat.Get<PendingProtectionReviews>().SweepAsync(resume: false, CancellationToken.None);

        var run = await bed.WaitForRunAsync(started.Id, r => r.Conclusion is not null);
        Assert.Equal(("rejected", "Refused by JobSheetQA.Bot: the stored answer.", 1), (run.ProtectionRule!.State, run.ProtectionRule.Comment, run.ProtectionRule.Reviews));
        var answered = Assert.Single(await ReviewsAsync());
        Assert.Equal((PendingReviewState.Answered, 1), (answered.State, answered.SendAttempts));
        Assert.Empty(await bed.Chat.Get<PromotionStore>().RecentAsync("staging", 10));
    }

    [Fact]
    public async Task An_exception_while_judging_rejects_the_run_with_the_reason()
    {
        var facts = Substitute.For<IRepositoryFacts>();
        facts.GetBranchHeadAsync(Arg.Any<string>(), Arg.Any<CancellationToken>()).Returns<Task<GitHubResult<BranchHead>>>(_ => throw new InvalidOperationException("boom"));
        await bed.RestartBotAsync(extraServices: services => services.AddSingleton(facts));

        var started = bed.Control.StartFromActionsTab("octocat", "staging");
        var run = await bed.WaitForRunAsync(started.Id, r => r.Conclusion is not null);

        Assert.Equal(("failure", "rejected", 1), (run.Conclusion, run.ProtectionRule!.State, run.ProtectionRule.Reviews));
        Assert.Contains("the bot failed while judging (InvalidOperationException)", run.ProtectionRule.Comment, StringComparison.Ordinal);
        var promotion = Assert.Single(await bed.Chat.Get<PromotionStore>().RecentAsync("staging", 10));
        Assert.Equal(PromotionState.Refused, promotion.State);
        Assert.Null(await bed.Chat.Get<PromotionLocks>().GetAsync("staging"));
    }

    private PendingProtectionReviewEntity Row(long runId, DateTimeOffset receivedAt)
    {
        using var delivery = System.Text.Json.JsonDocument.Parse(bed.Control.ProtectionRuleDelivery(runId)!);
        return new PendingProtectionReviewEntity
        {
            Repository = $"{bed.Sandbox.Options.Owner}/{bed.Sandbox.Options.Repo}",
            RunId = runId,
            Environment = "staging",
            DeploymentId = delivery.RootElement.GetProperty("deployment").GetProperty("id").GetInt64(),
            CommitSha = ProtectionRuleBed.Head,
            Ref = "main",
            Event = "workflow_dispatch",
            CallbackUrl = $"{bed.Sandbox.BaseAddress}api/v3/repos/{bed.Sandbox.Options.Owner}/{bed.Sandbox.Options.Repo}/actions/runs/{runId}/deployment_protection_rule",
            SenderLogin = "octocat",
            Delivery = Guid.NewGuid().ToString(),
            State = PendingReviewState.Pending,
            ReceivedAt = receivedAt,
        };
    }

    private async Task<List<PendingProtectionReviewEntity>> ReviewsAsync()
    {
        await using var db = await bed.Chat.Get<IDbContextFactory<BotDbContext>>().CreateDbContextAsync();
        return await db.PendingProtectionReviews.AsNoTracking().ToListAsync();
    }

    public sealed class OnSqlite : ProtectionReviewDurabilityTests
    {
    }

    [Collection(PostgresCollection.Name)]
    public sealed class OnPostgreSql(PostgresCluster cluster) : ProtectionReviewDurabilityTests
    {
        protected override Task<Dictionary<string, string?>> StorageSettingsAsync() => TranscriptStorage.PostgreSqlAsync(cluster);
    }
}
