using System.IO.Compression;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using JobSheetQA.GitHubSandbox.Simulation;
using JobSheetQA.GitHubSandbox.State;

namespace JobSheetQA.Bot.Tests.GitHubSandbox;

public sealed class PromotionSimulationTests
{
    private static readonly string[] SixJobs =
        ["Validate Request", "CI Gate", "Policy Gate", "Rehearsal Gate", "Parity Gate", "Deploy"];

    [Fact]
    public async Task Staging_promotion_runs_the_six_jobs_in_order_and_succeeds()
    {
        await using var ctx = await SandboxTestContext.StartAsync();
        var runId = await ctx.DispatchAsync("staging", correlationId: "cid-1");

        // Watch every tick: the run and each job must go queued → in_progress → completed, one job after another.
        var seen = new List<string>();
        for (var i = 0; i < 20; i++)
        {
            var run = await ctx.GitHub.Actions.Workflows.Runs.Get(SandboxTestContext.Owner, SandboxTestContext.Repo, runId);
            var jobs = await ctx.JobsAsync(runId);
            var state = run.Status.StringValue + "|" + string.Join(",", jobs.Select(j => $"{j.Name}:{j.Status.StringValue}"));
            if (seen.Count == 0 || seen[^1] != state)
            {
                seen.Add(state);
            }

            if (run.Status.StringValue == "completed")
            {
                break;
            }

            ctx.Time.Advance(SandboxTestContext.Tick);
        }

        Assert.Equal("queued|", seen[0]);
        Assert.Equal("in_progress|Validate Request:queued", seen[1]);
        Assert.Equal("in_progress|Validate Request:in_progress", seen[2]);
        Assert.Equal("in_progress|Validate Request:completed,CI Gate:queued", seen[3]);
        Assert.StartsWith("completed|", seen[^1]);
        Assert.Equal(2 + (SixJobs.Length * 2), seen.Count);

        var final = await ctx.GitHub.Actions.Workflows.Runs.Get(SandboxTestContext.Owner, SandboxTestContext.Repo, runId);
        Assert.Equal("success", final.Conclusion?.StringValue);
        Assert.Equal("Promotion staging skip_parity=false nightly=false [cid-1]", final.DisplayTitle);
        Assert.Equal("workflow_dispatch", final.Event);
        Assert.Equal(RepositoryState.DefaultHeadSha, final.HeadSha);
        var finalJobs = await ctx.JobsAsync(runId);
        Assert.Equal(SixJobs, finalJobs.Select(j => j.Name));
        Assert.All(finalJobs, j => Assert.Equal("success", j.Conclusion?.StringValue));
    }

    [Fact]
    public async Task Run_without_correlation_id_is_titled_manual_and_keeps_the_head_sha_of_dispatch_time()
    {
        await using var ctx = await SandboxTestContext.StartAsync();
        var runId = await ctx.DispatchAsync("production");
        ctx.Sandbox.Control.SetBranchHead("main", "1111111111111111111111111111111111111111");

        var run = await ctx.GetObjectAsync($"{ctx.RepoPath}/actions/runs/{runId}");
        Assert.Equal("Promotion production skip_parity=false nightly=false [manual]", (string?)run["display_title"]);
        Assert.Equal(RepositoryState.DefaultHeadSha, (string?)run["head_sha"]);
        Assert.Equal("Deployment Promotion", (string?)run["name"]);
    }

    [Fact]
    public async Task Parity_failure_fails_the_parity_gate_skips_deploy_and_uploads_a_report_artifact()
    {
        await using var ctx = await SandboxTestContext.StartAsync();
        ctx.Sandbox.Control.EnqueueScenario(Scenario.ParityFails());
        var runId = await ctx.DispatchAsync("staging");

        var run = await ctx.RunToCompletionAsync(runId);

        Assert.Equal("failure", run.Conclusion?.StringValue);
        var jobs = await ctx.JobsAsync(runId);
        Assert.Equal("failure", jobs.Single(j => j.Name == "Parity Gate").Conclusion?.StringValue);
        Assert.Equal("skipped", jobs.Single(j => j.Name == "Deploy").Conclusion?.StringValue);
        Assert.All(jobs.Take(4), j => Assert.Equal("success", j.Conclusion?.StringValue));

        var artifacts = await ctx.GitHub.Actions.Artifacts.ListWorkflowArtifacts(SandboxTestContext.Owner, SandboxTestContext.Repo, runId,
            new Octokit.ListArtifactsRequest { Name = "promotion-parity-report" });
        var artifact = Assert.Single(artifacts.Artifacts);
        Assert.False(artifact.Expired);
        Assert.Equal(runId, artifact.WorkflowRun.Id);

        using var stream = await ctx.GitHub.Actions.Artifacts.DownloadArtifact(SandboxTestContext.Owner, SandboxTestContext.Repo, artifact.Id, "zip");
        using var zip = new ZipArchive(stream, ZipArchiveMode.Read);
        var entry = Assert.Single(zip.Entries);
        Assert.Equal("latest.json", entry.FullName);
        // The project's failing sample (parity/samples/latest.fail.json), written for this run's commit.
        var report = JsonNode.Parse(entry.Open())!;
        var sample = JsonNode.Parse(RepositoryFile.ReadText("parity/samples/latest.fail.json"))!;
        Assert.True(JsonNode.DeepEquals(sample["metrics"], report["metrics"]));
        Assert.Equal(run.HeadSha, (string?)report["commit_sha"]);
        var zipBytes = await ctx.Http.GetByteArrayAsync($"{ctx.RepoPath}/actions/artifacts/{artifact.Id}/zip");
        Assert.Equal(artifact.SizeInBytes, zipBytes.Length);
    }

    [Fact]
    public async Task Scenario_report_bytes_replace_the_sample_report()
    {
        await using var ctx = await SandboxTestContext.StartAsync();
        var bytes = Encoding.UTF8.GetBytes("{\"metrics\":{\"field_match_rate\":0.5}}");
        ctx.Sandbox.Control.EnqueueScenario(Scenario.ParityFails(bytes));
        var runId = await ctx.DispatchAsync("staging");
        await ctx.RunToCompletionAsync(runId);

        var artifactId = ctx.Sandbox.Control.GetRun(runId)!.ArtifactId!.Value;
        using var stream = await ctx.GitHub.Actions.Artifacts.DownloadArtifact(SandboxTestContext.Owner, SandboxTestContext.Repo, artifactId, "zip");
        using var zip = new ZipArchive(stream, ZipArchiveMode.Read);
        using var content = new MemoryStream();
        zip.GetEntry("latest.json")!.Open().CopyTo(content);
        Assert.Equal(bytes, content.ToArray());
    }

    [Theory]
    [InlineData("production", "true", "I_ACCEPT_PARITY_SKIP", "main", "Cannot skip parity for production")]
    [InlineData("staging", "true", "", "main", "Missing skip acknowledgement")]
    [InlineData("staging", "true", " I_ACCEPT_PARITY_SKIP", "main", "Missing skip acknowledgement")]
    [InlineData("staging", "true", "i_accept_parity_skip", "main", "Missing skip acknowledgement")]
    [InlineData("staging", "false", "", "release", "Promotion must run from refs/heads/main, not refs/heads/release")]
    public async Task Validate_request_fails_with_the_runbook_message_and_skips_later_jobs(
        string environment, string skip, string acknowledgement, string gitRef, string message)
    {
        await using var ctx = await SandboxTestContext.StartAsync();
        ctx.Sandbox.Control.SetBranchHead("release", "2222222222222222222222222222222222222222");
        var runId = await ctx.DispatchAsync(environment, skip, acknowledgement, gitRef: gitRef);

        var run = await ctx.RunToCompletionAsync(runId);

        Assert.Equal("failure", run.Conclusion?.StringValue);
        var jobs = await ctx.JobsAsync(runId);
        var validate = jobs[0];
        Assert.Equal("Validate Request", validate.Name);
        Assert.Equal("failure", validate.Conclusion?.StringValue);
        var failedStep = Assert.Single(validate.Steps, s => s.Conclusion?.StringValue == "failure");
        Assert.Equal(message, failedStep.Name);
        Assert.All(jobs.Skip(1), j => Assert.Equal("skipped", j.Conclusion?.StringValue));
        Assert.Equal(SixJobs, jobs.Select(j => j.Name));

        var annotations = await ctx.Http.GetStringAsync($"{ctx.RepoPath}/check-runs/{validate.Id}/annotations");
        using var doc = JsonDocument.Parse(annotations);
        Assert.Equal(message, doc.RootElement[0].GetProperty("message").GetString());
        Assert.Equal("failure", doc.RootElement[0].GetProperty("annotation_level").GetString());
    }

    [Fact]
    public async Task Staging_skip_with_exact_acknowledgement_skips_only_the_parity_gate()
    {
        await using var ctx = await SandboxTestContext.StartAsync();
        var runId = await ctx.DispatchAsync("staging", "true", "I_ACCEPT_PARITY_SKIP");

        var run = await ctx.RunToCompletionAsync(runId);

        Assert.Equal("success", run.Conclusion?.StringValue);
        var jobs = await ctx.JobsAsync(runId);
        Assert.Equal("skipped", jobs.Single(j => j.Name == "Parity Gate").Conclusion?.StringValue);
        Assert.All(jobs.Where(j => j.Name != "Parity Gate"), j => Assert.Equal("success", j.Conclusion?.StringValue));
        var artifacts = await ctx.GitHub.Actions.Artifacts.ListWorkflowArtifacts(SandboxTestContext.Owner, SandboxTestContext.Repo, runId);
        Assert.Empty(artifacts.Artifacts);
    }

    [Fact]
    public async Task A_skipped_job_completes_skipped_and_the_run_still_succeeds()
    {
        await using var ctx = await SandboxTestContext.StartAsync();
        ctx.Sandbox.Control.EnqueueScenario(Scenario.SkippingJobs("Parity Gate"));
        var runId = await ctx.DispatchAsync("staging");

        var run = await ctx.RunToCompletionAsync(runId);

        Assert.Equal("success", run.Conclusion?.StringValue);
        var jobs = await ctx.JobsAsync(runId);
        Assert.Equal(SixJobs, jobs.Select(j => j.Name));
        Assert.Equal(["success", "success", "success", "success", "skipped", "success"], jobs.Select(j => j.Conclusion?.StringValue));
        var artifacts = await ctx.GitHub.Actions.Artifacts.ListWorkflowArtifacts(SandboxTestContext.Owner, SandboxTestContext.Repo, runId);
        Assert.Empty(artifacts.Artifacts);
    }

    [Fact]
    public async Task An_omitted_job_never_appears_and_the_run_still_succeeds()
    {
        await using var ctx = await SandboxTestContext.StartAsync();
        ctx.Sandbox.Control.EnqueueScenario(Scenario.OmittingJobs("Parity Gate", "CI Gate"));
        var runId = await ctx.DispatchAsync("staging");

        var run = await ctx.RunToCompletionAsync(runId);

        Assert.Equal("success", run.Conclusion?.StringValue);
        var jobs = await ctx.JobsAsync(runId);
        Assert.Equal(["Validate Request", "Policy Gate", "Rehearsal Gate", "Deploy"], jobs.Select(j => j.Name));
        Assert.All(jobs, j => Assert.Equal("success", j.Conclusion?.StringValue));
    }

    [Fact]
    public async Task Ci_failure_skips_every_later_gate()
    {
        await using var ctx = await SandboxTestContext.StartAsync();
        ctx.Sandbox.Control.EnqueueScenario(Scenario.FailAtJob("CI Gate", "Unit tests failed"));
        var runId = await ctx.DispatchAsync("staging");

        var run = await ctx.RunToCompletionAsync(runId);

        Assert.Equal("failure", run.Conclusion?.StringValue);
        var jobs = await ctx.JobsAsync(runId);
        Assert.Equal(["success", "failure", "skipped", "skipped", "skipped", "skipped"], jobs.Select(j => j.Conclusion?.StringValue));
        Assert.Contains(jobs[1].Steps, s => s.Name == "Unit tests failed");
    }

    [Fact]
    public async Task Scenarios_apply_to_the_next_runs_in_order_then_the_default_applies()
    {
        await using var ctx = await SandboxTestContext.StartAsync();
        ctx.Sandbox.Control.EnqueueScenario(Scenario.FailAtJob("Policy Gate"), runs: 2);
        var first = await ctx.DispatchAsync("staging");
        var second = await ctx.DispatchAsync("staging");
        var third = await ctx.DispatchAsync("staging");

        Assert.Equal("failure", (await ctx.RunToCompletionAsync(first)).Conclusion?.StringValue);
        Assert.Equal("failure", (await ctx.RunToCompletionAsync(second)).Conclusion?.StringValue);
        Assert.Equal("success", (await ctx.RunToCompletionAsync(third)).Conclusion?.StringValue);
    }

    [Fact]
    public async Task Cancelling_a_running_run_cancels_it_and_a_completed_run_answers_409()
    {
        await using var ctx = await SandboxTestContext.StartAsync();
        var runId = await ctx.DispatchAsync("staging");
        ctx.Time.Advance(SandboxTestContext.Tick * 4); // CI Gate in progress

        await ctx.GitHub.Actions.Workflows.Runs.Cancel(SandboxTestContext.Owner, SandboxTestContext.Repo, runId);

        var run = await ctx.GitHub.Actions.Workflows.Runs.Get(SandboxTestContext.Owner, SandboxTestContext.Repo, runId);
        Assert.Equal("completed", run.Status.StringValue);
        Assert.Equal("cancelled", run.Conclusion?.StringValue);
        var jobs = await ctx.JobsAsync(runId);
        Assert.Equal(["success", "cancelled", "skipped", "skipped", "skipped", "skipped"], jobs.Select(j => j.Conclusion?.StringValue));

        using var again = await ctx.Http.PostAsync($"{ctx.RepoPath}/actions/runs/{runId}/cancel", null);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
    }

    [Fact]
    public async Task Cancel_at_scenario_cancels_the_run_while_that_job_runs()
    {
        await using var ctx = await SandboxTestContext.StartAsync();
        ctx.Sandbox.Control.EnqueueScenario(new Scenario { CancelAt = "Rehearsal Gate" });
        var runId = await ctx.DispatchAsync("staging");

        var run = await ctx.RunToCompletionAsync(runId);

        Assert.Equal("cancelled", run.Conclusion?.StringValue);
        var jobs = await ctx.JobsAsync(runId);
        Assert.Equal("cancelled", jobs.Single(j => j.Name == "Rehearsal Gate").Conclusion?.StringValue);
        Assert.Equal("success", jobs.Single(j => j.Name == "Policy Gate").Conclusion?.StringValue);
    }

    [Fact]
    public async Task Stay_queued_scenario_keeps_the_run_queued_until_cancelled()
    {
        await using var ctx = await SandboxTestContext.StartAsync();
        ctx.Sandbox.Control.EnqueueScenario(new Scenario { StayQueued = true });
        var runId = await ctx.DispatchAsync("staging");
        ctx.Time.Advance(TimeSpan.FromMinutes(30));

        var run = await ctx.GetObjectAsync($"{ctx.RepoPath}/actions/runs/{runId}");
        Assert.Equal("queued", (string?)run["status"]);
        Assert.Empty(await ctx.JobsAsync(runId));

        Assert.True(ctx.Sandbox.Control.CancelRun(runId));
        Assert.Equal("cancelled", ctx.Sandbox.Control.GetRun(runId)!.Conclusion);
    }

    [Fact]
    public async Task Environment_review_holds_the_run_waiting_until_approved()
    {
        await using var ctx = await SandboxTestContext.StartAsync();
        ctx.Sandbox.Control.EnqueueScenario(new Scenario { WaitForReview = true });
        var runId = await ctx.DispatchAsync("production");
        ctx.Time.Advance(TimeSpan.FromHours(1));

        var run = await ctx.GetObjectAsync($"{ctx.RepoPath}/actions/runs/{runId}");
        Assert.Equal("waiting", (string?)run["status"]);
        var jobs = await ctx.JobsAsync(runId);
        Assert.Equal("waiting", jobs.Single(j => j.Name == "Deploy").Status.StringValue);
        var pending = JsonDocument.Parse(await ctx.Http.GetStringAsync($"{ctx.RepoPath}/actions/runs/{runId}/pending_deployments"));
        Assert.Equal("production", pending.RootElement[0].GetProperty("environment").GetProperty("name").GetString());

        using var approve = await ctx.Http.PostAsync($"{ctx.RepoPath}/actions/runs/{runId}/pending_deployments",
            System.Net.Http.Json.JsonContent.Create(new { environment_ids = new[] { 1 }, state = "approved", comment = "ok" }));
        Assert.Equal(HttpStatusCode.OK, approve.StatusCode);

        var done = await ctx.RunToCompletionAsync(runId);
        Assert.Equal("success", done.Conclusion?.StringValue);
        var after = JsonDocument.Parse(await ctx.Http.GetStringAsync($"{ctx.RepoPath}/actions/runs/{runId}/pending_deployments"));
        Assert.Equal(0, after.RootElement.GetArrayLength());
    }

    [Fact]
    public async Task Rejected_review_fails_deploy_and_the_run()
    {
        await using var ctx = await SandboxTestContext.StartAsync();
        ctx.Sandbox.Control.EnqueueScenario(new Scenario { WaitForReview = true });
        var runId = await ctx.DispatchAsync("staging");
        ctx.Time.Advance(SandboxTestContext.Tick * 20);
        Assert.False(ctx.Sandbox.Control.ApproveDeployment(runId + 1000));

        Assert.True(ctx.Sandbox.Control.RejectDeployment(runId));

        var run = await ctx.RunToCompletionAsync(runId);
        Assert.Equal("failure", run.Conclusion?.StringValue);
        Assert.Equal("failure", (await ctx.JobsAsync(runId)).Single(j => j.Name == "Deploy").Conclusion?.StringValue);
    }

    [Fact]
    public async Task Artifact_download_answers_410_once_expired()
    {
        await using var ctx = await SandboxTestContext.StartAsync();
        var runId = await ctx.DispatchAsync("staging");
        await ctx.RunToCompletionAsync(runId);
        var artifactId = ctx.Sandbox.Control.GetRun(runId)!.ArtifactId!.Value;

        using var handler = new HttpClientHandler { AllowAutoRedirect = false };
        using var noRedirect = new HttpClient(handler) { BaseAddress = ctx.Sandbox.ApiBaseAddress };
        using var redirect = await noRedirect.GetAsync($"{ctx.RepoPath}/actions/artifacts/{artifactId}/zip");
        Assert.Equal(HttpStatusCode.Found, redirect.StatusCode);
        Assert.NotEqual(ctx.Sandbox.BaseAddress.Host, redirect.Headers.Location!.Host);
        Assert.NotEqual(ctx.Sandbox.BaseAddress.Port, redirect.Headers.Location.Port);

        ctx.Time.Advance(TimeSpan.FromDays(91));

        using var expired = await noRedirect.GetAsync($"{ctx.RepoPath}/actions/artifacts/{artifactId}/zip");
        Assert.Equal(HttpStatusCode.Gone, expired.StatusCode);
        var artifact = await ctx.GetObjectAsync($"{ctx.RepoPath}/actions/artifacts/{artifactId}");
        Assert.True((bool)artifact["expired"]!);
        using var stale = await noRedirect.GetAsync(redirect.Headers.Location);
        Assert.Equal(HttpStatusCode.Forbidden, stale.StatusCode); // the 1-minute link has lapsed too
    }

    [Fact]
    public async Task Run_list_filters_by_created_branch_status_and_head_sha()
    {
        await using var ctx = await SandboxTestContext.StartAsync();
        var early = await ctx.DispatchAsync("staging");
        await ctx.RunToCompletionAsync(early);
        ctx.Time.Advance(TimeSpan.FromMinutes(10));
        var cutoff = ctx.Time.GetUtcNow();
        ctx.Sandbox.Control.SetBranchHead("main", "3333333333333333333333333333333333333333");
        var late = await ctx.DispatchAsync("production", correlationId: "late");

        var created = await ctx.GitHub.Actions.Workflows.Runs.ListByWorkflow(SandboxTestContext.Owner, SandboxTestContext.Repo, "promotion.yml",
            new Octokit.WorkflowRunsRequest { Event = "workflow_dispatch", Branch = "main", Created = $">={cutoff:yyyy-MM-ddTHH:mm:ssZ}" });
        Assert.Equal([late], created.WorkflowRuns.Select(r => r.Id));

        var all = await ctx.GitHub.Actions.Workflows.Runs.ListByWorkflow(SandboxTestContext.Owner, SandboxTestContext.Repo, "promotion.yml");
        Assert.Equal([late, early], all.WorkflowRuns.Select(r => r.Id)); // newest first

        var bySha = await ctx.GetObjectAsync($"{ctx.RepoPath}/actions/workflows/promotion.yml/runs?head_sha={RepositoryState.DefaultHeadSha}");
        Assert.Equal(early, (long)bySha["workflow_runs"]![0]!["id"]!);
        var successes = await ctx.GetObjectAsync($"{ctx.RepoPath}/actions/workflows/promotion.yml/runs?status=success");
        Assert.Equal(1, (int)successes["total_count"]!);
        var queued = await ctx.GetObjectAsync($"{ctx.RepoPath}/actions/workflows/promotion.yml/runs?status=queued");
        Assert.Equal(late, (long)queued["workflow_runs"]![0]!["id"]!);
        var otherBranch = await ctx.GetObjectAsync($"{ctx.RepoPath}/actions/workflows/promotion.yml/runs?branch=release");
        Assert.Equal(0, (int)otherBranch["total_count"]!);
        var pushes = await ctx.GetObjectAsync($"{ctx.RepoPath}/actions/workflows/promotion.yml/runs?event=push");
        Assert.Equal(0, (int)pushes["total_count"]!);
        using var badCreated = await ctx.Http.GetAsync($"{ctx.RepoPath}/actions/workflows/promotion.yml/runs?created=yesterday");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, badCreated.StatusCode);
    }

    [Fact]
    public async Task Run_list_pages_with_a_link_header_that_octokit_follows()
    {
        await using var ctx = await SandboxTestContext.StartAsync();
        for (var i = 0; i < 5; i++)
        {
            await ctx.DispatchAsync("staging");
        }

        using var first = await ctx.Http.GetAsync($"{ctx.RepoPath}/actions/workflows/promotion.yml/runs?per_page=2");
        Assert.Contains("rel=\"next\"", first.Headers.GetValues("Link").Single());

        var paged = await ctx.GitHub.Actions.Workflows.Runs.ListByWorkflow(SandboxTestContext.Owner, SandboxTestContext.Repo, "promotion.yml",
            new Octokit.WorkflowRunsRequest(), new Octokit.ApiOptions { PageSize = 2, PageCount = 1, StartPage = 3 });
        Assert.Single(paged.WorkflowRuns);
        Assert.Equal(5, paged.TotalCount);
    }
}
