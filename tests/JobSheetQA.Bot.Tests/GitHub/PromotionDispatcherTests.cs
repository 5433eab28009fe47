using JobSheetQA.Bot.GitHub;
using JobSheetQA.GitHubSandbox.Control;
using JobSheetQA.GitHubSandbox.Simulation;

namespace JobSheetQA.Bot.Tests.GitHub;

public sealed class PromotionDispatcherTests
{
    private static PromotionDispatch Staging(string id) => new(id, "staging", "main", UseNightlyParity: false, SkipParity: false, null);

    private static IReadOnlyList<RequestLogEntry> Posts(GatewayHarness h) =>
        h.RequestsTo("POST", h.RepoPath("/actions/workflows/promotion.yml/dispatches"));

    [Fact]
    public async Task A_pinned_dispatch_answers_200_and_the_run_id_comes_from_the_answer()
    {
        await using var h = await GatewayHarness.StartAsync();
        var dispatch = new PromotionDispatch("p-200", "staging", "main", UseNightlyParity: true, SkipParity: true, "I_ACCEPT_PARITY_SKIP");

        var result = await h.Dispatcher.DispatchAsync(dispatch);
        await h.Facts.GetBranchHeadAsync("main");

        Assert.True(result.Succeeded, result.Error?.Message);
        Assert.Equal(RunIdSource.DispatchResponse, result.Value.Source);
        var run = Assert.Single(h.Control.ListRuns());
        Assert.Equal(run.Id, result.Value.RunId);
        Assert.Equal("Promotion staging skip_parity=true nightly=true [p-200]", run.DisplayTitle);
        Assert.Equal("true", run.Inputs["use_nightly_parity"]);
        Assert.Equal("true", run.Inputs["skip_parity"]);
        Assert.Equal("I_ACCEPT_PARITY_SKIP", run.Inputs["skip_parity_acknowledgement"]);
        Assert.Equal("p-200", run.Inputs["correlation_id"]);
        Assert.Equal("2026-03-10", Assert.Single(Posts(h)).ApiVersion);
        // The version pin is for the dispatch only.
        Assert.All(h.Requests.Where(r => r.Method == "GET"), r => Assert.Null(r.ApiVersion));
        Assert.Empty(h.RequestsTo("GET", h.RepoPath("/actions/workflows/promotion.yml/runs")));
    }

    [Fact]
    public async Task A_204_dispatch_finds_its_run_by_the_correlation_id_in_the_title()
    {
        await using var h = await GatewayHarness.StartAsync();
        h.Control.EnqueueScenario(new Scenario { DispatchResponse = DispatchResponseMode.NoContent });

        var result = await h.Dispatcher.DispatchAsync(Staging("p-204"));

        Assert.True(result.Succeeded, result.Error?.Message);
        Assert.Equal(RunIdSource.CorrelationSearch, result.Value.Source);
        var run = Assert.Single(h.Control.ListRuns());
        Assert.Equal(run.Id, result.Value.RunId);
        var search = h.RequestsTo("GET", h.RepoPath("/actions/workflows/promotion.yml/runs"));
        Assert.NotEmpty(search);
        Assert.Contains("event=workflow_dispatch", search[0].Path);
        Assert.Contains("branch=main", search[0].Path);
        Assert.Contains("created=", search[0].Path);
    }

    [Fact]
    public async Task Concurrent_dispatches_are_told_apart_by_their_correlation_ids()
    {
        await using var h = await GatewayHarness.StartAsync();
        h.Control.EnqueueScenario(new Scenario { DispatchResponse = DispatchResponseMode.NoContent }, runs: 3);

        var results = await Task.WhenAll(
            h.Dispatcher.DispatchAsync(Staging("p-a")),
            h.Dispatcher.DispatchAsync(Staging("p-b")),
            h.Dispatcher.DispatchAsync(new PromotionDispatch("p-c", "production", "main", false, false, null)));

        Assert.All(results, r => Assert.True(r.Succeeded, r.Error?.Message));
        var runs = h.Control.ListRuns();
        Assert.Equal(3, runs.Count);
        foreach (var (id, result) in new[] { "p-a", "p-b", "p-c" }.Zip(results))
        {
            Assert.Contains($"[{id}]", runs.Single(r => r.Id == result.Value.RunId).DisplayTitle);
        }
    }

    [Fact]
    public async Task A_server_that_rejects_return_run_details_gets_one_legacy_retry_and_the_run_is_correlated()
    {
        await using var h = await GatewayHarness.StartAsync();
        h.Control.EnqueueScenario(new Scenario { DispatchResponse = DispatchResponseMode.RejectReturnRunDetails });

        var result = await h.Dispatcher.DispatchAsync(Staging("p-ghes"));

        Assert.True(result.Succeeded, result.Error?.Message);
        Assert.Equal(RunIdSource.CorrelationSearch, result.Value.Source);
        Assert.Equal(result.Value.RunId, Assert.Single(h.Control.ListRuns()).Id);
        var posts = Posts(h);
        Assert.Equal(2, posts.Count);
        Assert.Equal(400, posts[0].Status);
        Assert.Equal("2026-03-10", posts[0].ApiVersion);
        Assert.Equal(204, posts[1].Status);
        Assert.Null(posts[1].ApiVersion);
    }

    [Fact]
    public async Task A_dispatch_that_times_out_is_never_sent_again_and_its_run_is_found()
    {
        await using var h = await GatewayHarness.StartAsync(settings: s => s["GitHub:RequestTimeout"] = "00:00:02");
        h.Control.AddFault(new FaultRule { Path = "/dispatches$", Method = "POST", Kind = FaultKind.SlowAfterProcessing, DelayMs = 6000 });

        var result = await h.Dispatcher.DispatchAsync(Staging("p-slow"));

        Assert.True(result.Succeeded, result.Error?.Message);
        Assert.Equal(RunIdSource.CorrelationSearch, result.Value.Source);
        var run = Assert.Single(h.Control.ListRuns());
        Assert.Equal(run.Id, result.Value.RunId);
        Assert.Single(Posts(h));
        Assert.Contains(h.Logs.Lines, l => l.Contains("searching for its run instead of dispatching again", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_dispatch_answered_with_5xx_is_not_retried_and_without_a_run_the_user_is_told_why()
    {
        await using var h = await GatewayHarness.StartAsync();
        h.Control.AddFault(new FaultRule { Path = "/dispatches$", Method = "POST", Kind = FaultKind.BadGateway });

        var first = await h.Dispatcher.DispatchAsync(Staging("p-502"));
        var again = await h.Dispatcher.DispatchAsync(Staging("p-502"));

        Assert.Equal(GitHubErrorKind.RunNotFound, first.Error?.Kind);
        Assert.Contains("not dispatched again", first.Error!.Message);
        Assert.Contains("Promotion staging skip_parity=false nightly=false [p-502]", first.Error.Message);
        Assert.Equal(GitHubErrorKind.RunNotFound, again.Error?.Kind);
        // Exactly one POST for the promotion, ever; the search kept looking, bounded by the correlation timeout.
        Assert.Single(Posts(h));
        Assert.Empty(h.Control.ListRuns());
        Assert.True(h.Delays.Delays.Sum(d => d.TotalSeconds) >= 30);

        var other = await h.Dispatcher.DispatchAsync(Staging("p-next"));
        Assert.True(other.Succeeded, other.Error?.Message);
        Assert.Equal(2, Posts(h).Count);
    }

    [Fact]
    public async Task A_403_on_dispatch_says_the_token_lacks_actions_write_and_is_not_retried()
    {
        await using var h = await GatewayHarness.StartAsync();
        h.Control.AddFault(new FaultRule { Path = "/dispatches$", Method = "POST", Kind = FaultKind.Forbidden });

        var result = await h.Dispatcher.DispatchAsync(Staging("p-403"));

        Assert.Equal(GitHubErrorKind.Forbidden, result.Error?.Kind);
        Assert.StartsWith($"token lacks Actions: write on {h.Owner}/{h.Repo}", result.Error!.Message);
        Assert.Single(Posts(h));
        Assert.Empty(h.Control.ListRuns());
    }

    [Fact]
    public async Task A_missing_workflow_file_is_reported_as_not_found_on_the_branch()
    {
        await using var h = await GatewayHarness.StartAsync();
        h.Control.RemoveFile(".github/workflows/promotion.yml");

        var result = await h.Dispatcher.DispatchAsync(Staging("p-404"));

        Assert.Equal(GitHubErrorKind.NotFound, result.Error?.Kind);
        Assert.StartsWith("promotion.yml not found on main", result.Error!.Message);
        Assert.Single(Posts(h));
    }

    [Fact]
    public async Task A_workflow_without_a_dispatch_trigger_is_reported_as_such()
    {
        await using var h = await GatewayHarness.StartAsync();
        h.Control.SetFile(".github/workflows/promotion.yml", "name: Deployment Promotion\non:\n  push:\n    branches: [main]\njobs:\n  validate:\n    name: Validate Request\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo\n");

        var result = await h.Dispatcher.DispatchAsync(Staging("p-422"));

        Assert.Equal(GitHubErrorKind.Validation, result.Error?.Kind);
        Assert.Contains("no workflow_dispatch trigger", result.Error!.Message);
        Assert.Single(Posts(h));
    }

    [Fact]
    public async Task A_disabled_workflow_and_an_unknown_ref_are_reported_in_plain_words()
    {
        await using var h = await GatewayHarness.StartAsync();

        var unknownRef = await h.Dispatcher.DispatchAsync(new PromotionDispatch("p-ref", "staging", "release/9", false, false, null));
        h.Control.SetWorkflowState("disabled_manually");
        var disabled = await h.Dispatcher.DispatchAsync(Staging("p-off"));

        Assert.Equal($"release/9 not found in {h.Owner}/{h.Repo}, so promotion.yml cannot run from it.", unknownRef.Error?.Message);
        Assert.Equal($"promotion.yml is disabled in {h.Owner}/{h.Repo}; enable it in the Actions tab before promoting.", disabled.Error?.Message);
        Assert.Empty(h.Control.ListRuns());
    }

    [Fact]
    public async Task An_input_value_outside_the_choices_is_a_validation_error_with_GitHubs_reason()
    {
        await using var h = await GatewayHarness.StartAsync();

        var result = await h.Dispatcher.DispatchAsync(new PromotionDispatch("p-qa", "qa", "main", false, false, null));

        Assert.Equal(GitHubErrorKind.Validation, result.Error?.Kind);
        Assert.Contains("target_environment", result.Error!.Message);
        Assert.Single(Posts(h));
        Assert.Empty(h.Control.ListRuns());
    }
}
