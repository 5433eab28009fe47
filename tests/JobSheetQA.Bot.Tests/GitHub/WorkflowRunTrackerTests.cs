using System.Text;
using System.Text.Json;
using JobSheetQA.Bot.GitHub;
using JobSheetQA.Bot.Tests.Support;
using JobSheetQA.GitHubSandbox.Simulation;
using JobSheetQA.Rules.Facts;
using JobSheetQA.Rules.Policy;

namespace JobSheetQA.Bot.Tests.GitHub;

public sealed class WorkflowRunTrackerTests
{
    private static readonly GateMap Gates = ShippedPolicy.Value.Gates;

    private static async Task<long> Dispatch(GatewayHarness h, string id, Scenario? scenario = null)
    {
        if (scenario is not null)
        {
            h.Control.EnqueueScenario(scenario);
        }

        var result = await h.Dispatcher.DispatchAsync(new PromotionDispatch(id, "staging", "main", false, false, null));
        Assert.True(result.Succeeded, result.Error?.Message);
        return result.Value.RunId;
    }

    [Fact]
    public async Task A_successful_run_reports_its_state_and_every_gate_passed()
    {
        await using var h = await GatewayHarness.StartAsync();
        var runId = await Dispatch(h, "p-ok");

        var queued = await h.Tracker.GetRunAsync(runId);
        var run = await h.WaitForCompletionAsync(runId);
        var gates = await h.Tracker.GetGatesAsync(runId, Gates, run.IsCompleted);

        Assert.False(queued.Value.IsCompleted);
        Assert.Null(queued.Value.Conclusion);
        Assert.True(run.Succeeded);
        Assert.Equal("Promotion staging skip_parity=false nightly=false [p-ok]", run.DisplayTitle);
        Assert.Equal(h.Control.Repository.Branches["main"], run.HeadSha);
        Assert.Equal(1, run.RunAttempt);
        Assert.False(string.IsNullOrEmpty(run.HtmlUrl));
        Assert.True(gates.Succeeded, gates.Error?.Message);
        Assert.All(Enum.GetValues<PromotionStep>(), step => Assert.Equal(StepOutcome.Passed, gates.Value.Steps[step]));
        Assert.Equal(6, gates.Value.Jobs.Count);
        Assert.Empty(gates.Value.UnmappedJobs);
        Assert.All(h.RequestsTo("GET", h.RepoPath($"/actions/runs/{runId}/jobs")), r => Assert.Contains("filter=latest", r.Path));
    }

    [Fact]
    public async Task Jobs_are_read_from_every_page()
    {
        await using var h = await GatewayHarness.StartAsync(settings: s => s["GitHub:PageSize"] = "2");
        var runId = await Dispatch(h, "p-pages");
        await h.WaitForCompletionAsync(runId);
        h.ClearRequestLog();

        var jobs = await h.Tracker.ListJobsAsync(runId);

        Assert.True(jobs.Succeeded, jobs.Error?.Message);
        Assert.Equal(["Validate Request", "CI Gate", "Policy Gate", "Rehearsal Gate", "Parity Gate", "Deploy"], jobs.Value.Select(j => j.Name));
        var pages = h.RequestsTo("GET", h.RepoPath($"/actions/runs/{runId}/jobs"));
        Assert.Equal(3, pages.Count);
        Assert.All(pages, p => Assert.Contains("per_page=2", p.Path));
    }

    [Fact]
    public async Task A_parity_failure_fails_the_parity_gate_skips_deploy_and_its_report_can_be_read()
    {
        await using var h = await GatewayHarness.StartAsync();
        var runId = await Dispatch(h, "p-parity", Scenario.ParityFails());

        var run = await h.WaitForCompletionAsync(runId);
        var gates = await h.Tracker.GetGatesAsync(runId, Gates, runCompleted: true);
        var report = await h.Tracker.DownloadParityReportAsync(runId);

        Assert.Equal("failure", run.Conclusion);
        Assert.Equal(StepOutcome.Passed, gates.Value.Steps[PromotionStep.RehearsalGate]);
        Assert.Equal(StepOutcome.Failed, gates.Value.Steps[PromotionStep.ParityGate]);
        Assert.Equal(StepOutcome.Skipped, gates.Value.Steps[PromotionStep.Deploy]);
        Assert.Equal(PromotionStep.ParityGate, gates.Value.FirstFailed);
        Assert.True(report.Succeeded, report.Error?.Message);
        Assert.Equal("latest.json", report.Value.EntryPath);
        Assert.Equal(h.Control.GetRun(runId)!.ArtifactId, report.Value.ArtifactId);
        using var json = JsonDocument.Parse(report.Value.Content);
        Assert.Equal(JsonValueKind.Object, json.RootElement.ValueKind);
    }

    [Theory]
    [InlineData("reports/latest.json")]
    [InlineData("parity/reports/latest.json")]
    public async Task The_report_is_extracted_from_a_folder_inside_the_artifact(string entry)
    {
        await using var h = await GatewayHarness.StartAsync();
        var bytes = Encoding.UTF8.GetBytes("""{"violations":["accuracy 0.91 < 0.95"]}""");
        var runId = await Dispatch(h, "p-nested", new Scenario { ParityReport = bytes, ParityReportEntry = entry });
        await h.WaitForCompletionAsync(runId);

        var report = await h.Tracker.DownloadParityReportAsync(runId);

        Assert.True(report.Succeeded, report.Error?.Message);
        Assert.Equal(entry, report.Value.EntryPath);
        Assert.Equal(bytes, report.Value.Content);
        // The zip came through the 302 to the sandbox's second (download) listener.
        Assert.Single(h.RequestsTo("GET", h.RepoPath($"/actions/artifacts/{report.Value.ArtifactId}/zip")));
    }

    [Fact]
    public async Task An_expired_artifact_is_a_gone_result_and_a_run_without_one_is_not_found()
    {
        await using var h = await GatewayHarness.StartAsync();
        var expired = await Dispatch(h, "p-expired");
        var without = await Dispatch(h, "p-none", new Scenario { UploadParityReport = false });
        await h.WaitForCompletionAsync(expired);
        await h.WaitForCompletionAsync(without);
        h.Control.ExpireArtifact(h.Control.GetRun(expired)!.ArtifactId!.Value);

        var gone = await h.Tracker.DownloadParityReportAsync(expired);
        var missing = await h.Tracker.DownloadParityReportAsync(without);
        var listed = await h.Tracker.ListArtifactsAsync(expired);

        Assert.Equal(GitHubErrorKind.Gone, gone.Error?.Kind);
        Assert.Contains("expired", gone.Error!.Message);
        Assert.Equal(GitHubErrorKind.NotFound, missing.Error?.Kind);
        Assert.True(Assert.Single(listed.Value).Expired);
    }

    [Fact]
    public async Task Cancelling_a_running_run_is_requested_and_cancelling_it_again_says_it_already_completed()
    {
        await using var h = await GatewayHarness.StartAsync();
        var runId = await Dispatch(h, "p-cancel", new Scenario { StayQueued = true });

        var first = await h.Tracker.CancelRunAsync(runId);
        var run = await h.WaitForCompletionAsync(runId);
        var second = await h.Tracker.CancelRunAsync(runId);

        Assert.Equal(CancelOutcome.CancellationRequested, first.Value);
        Assert.Equal("cancelled", run.Conclusion);
        Assert.Equal(CancelOutcome.AlreadyCompleted, second.Value);
        var posts = h.RequestsTo("POST", h.RepoPath($"/actions/runs/{runId}/cancel"));
        Assert.Equal([202, 409], posts.Select(p => p.Status));
    }

    [Fact]
    public async Task A_run_waiting_for_an_environment_review_lists_its_pending_deployment()
    {
        await using var h = await GatewayHarness.StartAsync();
        var runId = await Dispatch(h, "p-review", new Scenario { WaitForReview = true });

        var deadline = DateTime.UtcNow.AddSeconds(20);
        WorkflowRunSnapshot run;
        do
        {
            run = (await h.Tracker.GetRunAsync(runId)).Value;
            await Task.Delay(50);
        }
        while (!run.IsWaiting && DateTime.UtcNow < deadline);
        var pending = await h.Tracker.GetPendingDeploymentsAsync(runId);
        var gates = await h.Tracker.GetGatesAsync(runId, Gates, runCompleted: false);
        h.Control.ApproveDeployment(runId);
        var approved = await h.WaitForCompletionAsync(runId);
        var after = await h.Tracker.GetPendingDeploymentsAsync(runId);

        Assert.True(run.IsWaiting);
        var deployment = Assert.Single(pending.Value);
        Assert.Equal("staging", deployment.EnvironmentName);
        Assert.True(deployment.EnvironmentId > 0);
        Assert.Equal(StepOutcome.Pending, gates.Value.Steps[PromotionStep.Deploy]);
        Assert.Equal(StepOutcome.Passed, gates.Value.Steps[PromotionStep.ParityGate]);
        Assert.True(approved.Succeeded);
        Assert.Empty(after.Value);
    }

    [Fact]
    public async Task An_unknown_run_is_a_not_found_result()
    {
        await using var h = await GatewayHarness.StartAsync();

        var run = await h.Tracker.GetRunAsync(987654);

        Assert.Equal(GitHubErrorKind.NotFound, run.Error?.Kind);
        Assert.Contains("987654", run.Error!.Message);
    }
}
