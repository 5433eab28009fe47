using JobSheetQA.Bot.Chat.Replies;
using JobSheetQA.Bot.Jobs.Tracking;
using JobSheetQA.Bot.Promotions;
using JobSheetQA.Bot.Storage;
using JobSheetQA.Bot.Tests.Chat.Support;
using JobSheetQA.Bot.Tests.Jobs.Support;
using JobSheetQA.GitHubSandbox.Control;
using JobSheetQA.GitHubSandbox.State;

namespace JobSheetQA.Bot.Tests.Jobs.Tracking;

/// <summary>
/// A promotion succeeds only when the commit that was judged is the commit that was built (issue #13): a run that
/// builds another commit (the branch moved between the decision and the dispatch) is cancelled, the promotion failed,
/// and neither commit counts as deployed, so STAGE-FIRST still denies production.
/// </summary>
public sealed class JudgedCommitTrackingTests : IAsyncLifetime
{
    private const string Judged = RepositoryState.DefaultHeadSha;
    private const string Moved = "b0c1d2e3f405162738495a6b7c8d9e0f1a2b3c4d";

    private TrackingBed bed = null!;
    private ChatTestHost chat = null!;

    public async Task InitializeAsync()
    {
        // A second per step: the run is still going when the first poll sees it, so there is something to cancel.
        bed = await TrackingBed.StartAsync(TimeSpan.FromSeconds(1));
        chat = ChatTestHost.Start(bed.Settings());
    }

    public async Task DisposeAsync()
    {
        await chat.DisposeAsync();
        await bed.DisposeAsync();
    }

    [Fact]
    public async Task A_run_that_built_another_commit_is_cancelled_and_the_promotion_failed_naming_both_commits()
    {
        bed.Control.SetBranchHead("main", Moved); // main moved after the decision judged 9f2c4e1
        var promotion = await TrackingBed.DispatchAsync(chat, judgedCommit: Judged);

        chat.Get<IRunTrackingScheduler>().TrackSoon(promotion.Id);

        var outcome = await chat.Channel.WaitForMessageAsync(
            m => m.Reply.Blocks[0] is TextBlock && m.Text.Contains("after the decision", StringComparison.Ordinal), conversationId: "general");
        Assert.Contains(
            "failed: main moved from `9f2c4e1` to `b0c1d2e` after the decision; the run built `b0c1d2e`, so it was cancelled. Promote again to judge the new commit.",
            outcome.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("succeeded", outcome.Text, StringComparison.Ordinal);

        var stored = (await chat.Get<PromotionStore>().FindAsync(promotion.Id))!;
        Assert.Equal(PromotionState.Failed, stored.State);
        Assert.Equal(PromotionFailure.BuiltOtherCommit, stored.Failure);
        Assert.Equal(Moved, stored.RunHeadSha);
        Assert.Equal(Judged, stored.CommitSha);
        Assert.Null(await chat.Get<PromotionLocks>().GetAsync("staging"));
        var failed = Assert.Single(await chat.Get<AuditLog>().ReadAsync(promotion.Id), e => e.Action == "promotion.failed");
        Assert.Contains(Judged, failed.Details, StringComparison.Ordinal);
        Assert.Contains(Moved, failed.Details, StringComparison.Ordinal);

        var run = await WaitForRunAsync(stored.RunId!.Value, r => r.Status == "completed");
        Assert.Equal("cancelled", run.Conclusion);
        Assert.Equal(Moved, run.HeadSha);

        await AssertNothingDeployedAsync();
    }

    [Fact]
    public async Task A_run_found_by_its_correlation_id_that_built_another_commit_is_cancelled_too()
    {
        bed.Control.SetBranchHead("main", Moved);
        // Stored without its run id, as after a dispatch whose answer gave none: the tracker finds the run by correlation id.
        var promotion = await TrackingBed.DispatchAsync(chat, judgedCommit: Judged);
        var runId = promotion.RunId!.Value;
        var store = chat.Get<PromotionStore>();
        var cleared = await store.UpdateAsync(promotion.Id, promotion.RowVersion, p => (p.RunId, p.RunUrl) = (null, null), DateTimeOffset.UtcNow);
        Assert.Equal(PromotionUpdateStatus.Updated, cleared.Status);

        chat.Get<IRunTrackingScheduler>().TrackSoon(promotion.Id);

        var outcome = await chat.Channel.WaitForMessageAsync(
            m => m.Reply.Blocks[0] is TextBlock && m.Text.Contains("after the decision", StringComparison.Ordinal), conversationId: "general");
        Assert.Contains("main moved from `9f2c4e1` to `b0c1d2e` after the decision; the run built `b0c1d2e`, so it was cancelled.", outcome.Text, StringComparison.Ordinal);
        var stored = (await store.FindAsync(promotion.Id))!;
        Assert.Equal(runId, stored.RunId);
        Assert.Equal(PromotionState.Failed, stored.State);
        Assert.Equal(PromotionFailure.BuiltOtherCommit, stored.Failure);
        Assert.Equal("cancelled", (await WaitForRunAsync(runId, r => r.Status == "completed")).Conclusion);
    }

    [Fact]
    public async Task A_run_that_built_another_commit_fails_the_promotion_even_when_it_cannot_be_cancelled()
    {
        bed.Control.AddFault(new FaultRule { Path = @"/actions/runs/\d+/cancel$", Method = "POST", Kind = FaultKind.Forbidden, Count = 0 });
        bed.Control.SetBranchHead("main", Moved);
        var promotion = await TrackingBed.DispatchAsync(chat, judgedCommit: Judged);

        chat.Get<IRunTrackingScheduler>().TrackSoon(promotion.Id);

        var outcome = await chat.Channel.WaitForMessageAsync(
            m => m.Reply.Blocks[0] is TextBlock && m.Text.Contains("after the decision", StringComparison.Ordinal), conversationId: "general");
        Assert.Contains("GitHub did not accept my request to cancel it: cancel it in the Actions tab.", outcome.Text, StringComparison.Ordinal);
        Assert.Contains("The promotion is failed all the same", outcome.Text, StringComparison.Ordinal);
        var stored = (await chat.Get<PromotionStore>().FindAsync(promotion.Id))!;
        Assert.Equal(PromotionState.Failed, stored.State);
        Assert.Equal(PromotionFailure.BuiltOtherCommitNotCancelled, stored.Failure);
        Assert.Null(await chat.Get<PromotionLocks>().GetAsync("staging"));

        // The run goes on and succeeds in GitHub; the promotion stays failed and nothing counts as deployed.
        await WaitForRunAsync(stored.RunId!.Value, r => r.Status == "completed");
        Assert.Equal("success", bed.Control.GetRun(stored.RunId.Value)!.Conclusion);
        Assert.Equal(PromotionState.Failed, (await chat.Get<PromotionStore>().FindAsync(promotion.Id))!.State);
        await AssertNothingDeployedAsync();
    }

    [Fact]
    public async Task A_run_that_built_another_commit_and_already_finished_fails_the_promotion_and_says_it_may_be_deployed()
    {
        bed.Control.SetBranchHead("main", Moved);
        // Stored only once the run has finished, so no poll (the reconciler's included) sees it running.
        var promotion = await TrackingBed.DispatchAsync(chat, judgedCommit: Judged,
            beforeStoring: runId => WaitForRunAsync(runId, r => r.Status == "completed", TimeSpan.FromSeconds(60)));

        await chat.Get<RunPoller>().PollOnceAsync(promotion.Id, default);

        var stored = (await chat.Get<PromotionStore>().FindAsync(promotion.Id))!;
        Assert.Equal(PromotionState.Failed, stored.State);
        Assert.Equal(PromotionFailure.BuiltOtherCommitRunFinished, stored.Failure);
        Assert.Equal("success", bed.Control.GetRun(promotion.RunId!.Value)!.Conclusion);
        var outcome = Assert.Single(TrackingBed.TextMessages(chat.Channel, "general", "after the decision"));
        Assert.Contains(
            "the run built `b0c1d2e` and had already finished when I tried to cancel it, so `b0c1d2e` may be on staging without having been judged.",
            outcome.Text, StringComparison.Ordinal);
        Assert.Contains("neither commit is recorded as deployed", outcome.Text, StringComparison.Ordinal);
        await AssertNothingDeployedAsync();
    }

    /// <summary>Neither the judged commit nor the built one is recorded as deployed to staging, so production is still denied.</summary>
    private async Task AssertNothingDeployedAsync()
    {
        var history = chat.Get<PromotionHistory>();
        Assert.Null(await history.LatestSucceededAsync("staging"));
        Assert.False(await history.HasSucceededAsync("staging", Judged));
        Assert.False(await history.HasSucceededAsync("staging", Moved));
        var judged = Assert.Single(await chat.Get<PromotionStore>().CompletedForCommitAsync(Judged));
        Assert.False(judged.IsCleanSuccess);
        Assert.Empty(await chat.Get<PromotionStore>().CompletedForCommitAsync(Moved));

        // STAGE-FIRST judges main's head, the commit the run built: it was never promoted to staging.
        var why = await chat.SayAsync("dana", "why production");
        Assert.Contains("STAGE-FIRST", why, StringComparison.Ordinal);
        Assert.Contains("b0c1d2e has not been promoted to staging", why, StringComparison.Ordinal);
    }

    private async Task<RunSummary> WaitForRunAsync(long runId, Func<RunSummary, bool> match, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(30));
        while (true)
        {
            var run = bed.Control.GetRun(runId);
            if (run is not null && match(run))
                return run;
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"Run {runId} is {run?.Status}/{run?.Conclusion}.");
            await Task.Delay(100);
        }
    }
}
