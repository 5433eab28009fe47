using System.Text;
using System.Text.Json.Nodes;
using JobSheetQA.GitHubSandbox.Fixtures;
using JobSheetQA.GitHubSandbox.Simulation;
using JobSheetQA.GitHubSandbox.State;
using Octokit;

namespace JobSheetQA.Bot.Tests.GitHubSandbox;

/// <summary>Every body deserialises into Octokit's model and keeps the keys of GitHub's official example.</summary>
public sealed class SandboxContractTests
{
    private const string Owner = SandboxTestContext.Owner;
    private const string Repo = SandboxTestContext.Repo;

    [Fact]
    public async Task Git_ref_and_branch_match_octokit_and_the_official_examples()
    {
        await using var ctx = await SandboxTestContext.StartAsync();

        Reference reference = await ctx.GitHub.Git.Reference.Get(Owner, Repo, "heads/main");
        Branch branch = await ctx.GitHub.Repository.Branch.Get(Owner, Repo, "main");

        Assert.Equal("refs/heads/main", reference.Ref);
        Assert.Equal(RepositoryState.DefaultHeadSha, reference.Object.Sha);
        Assert.Equal(RepositoryState.DefaultHeadSha, branch.Commit.Sha);
        FixtureKeys.AssertKeeps(GitHubFixtures.Load(GitHubFixtures.GitRef), await ctx.GetObjectAsync($"{ctx.RepoPath}/git/ref/heads/main"));
        FixtureKeys.AssertKeeps(GitHubFixtures.Load(GitHubFixtures.Branch), await ctx.GetObjectAsync($"{ctx.RepoPath}/branches/main"));
        await Assert.ThrowsAsync<NotFoundException>(() => ctx.GitHub.Git.Reference.Get(Owner, Repo, "heads/nope"));
        await Assert.ThrowsAsync<NotFoundException>(() => ctx.GitHub.Repository.Branch.Get(Owner, Repo, "nope"));
    }

    [Fact]
    public async Task Contents_are_base64_in_60_character_lines_with_the_git_blob_sha()
    {
        await using var ctx = await SandboxTestContext.StartAsync();
        var text = "line one\n" + new string('x', 200) + "\nünïcode\n";
        ctx.Sandbox.Control.SetFile("parity/config/thresholds.json", text);

        var contents = await ctx.GitHub.Repository.Content.GetAllContentsByRef(Owner, Repo, "parity/config/thresholds.json", "main");
        var raw = await ctx.GitHub.Repository.Content.GetRawContentByRef(Owner, Repo, "parity/config/thresholds.json", "main");
        var body = await ctx.GetObjectAsync($"{ctx.RepoPath}/contents/parity/config/thresholds.json?ref=main");

        var file = Assert.Single(contents);
        Assert.Equal(text, file.Content);
        Assert.Equal(text, Encoding.UTF8.GetString(raw));
        var lines = ((string)body["content"]!).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.All(lines[..^1], l => Assert.Equal(60, l.Length));
        Assert.Equal(text, Encoding.UTF8.GetString(Convert.FromBase64String(string.Concat(lines))));
        // git hash-object of the same bytes.
        var bytes = Encoding.UTF8.GetBytes(text);
        var expectedSha = Convert.ToHexStringLower(System.Security.Cryptography.SHA1.HashData([.. Encoding.ASCII.GetBytes($"blob {bytes.Length}\0"), .. bytes]));
        Assert.Equal(expectedSha, file.Sha);
        FixtureKeys.AssertKeeps(GitHubFixtures.Load(GitHubFixtures.ContentFile), body);
    }

    [Fact]
    public async Task Missing_file_or_ref_is_404()
    {
        await using var ctx = await SandboxTestContext.StartAsync();

        await Assert.ThrowsAsync<NotFoundException>(() => ctx.GitHub.Repository.Content.GetAllContentsByRef(Owner, Repo, "nope.txt", "main"));
        await Assert.ThrowsAsync<NotFoundException>(() =>
            ctx.GitHub.Repository.Content.GetAllContentsByRef(Owner, Repo, RepositoryState.PromotionWorkflowPath, "no-such-branch"));
    }

    [Fact]
    public async Task Default_repository_serves_the_reference_workflow_and_the_parity_thresholds()
    {
        await using var ctx = await SandboxTestContext.StartAsync();

        var workflow = (await ctx.GitHub.Repository.Content.GetAllContentsByRef(Owner, Repo, RepositoryState.PromotionWorkflowPath, "main"))[0];
        var thresholds = (await ctx.GitHub.Repository.Content.GetAllContentsByRef(Owner, Repo, RepositoryState.ThresholdsPath, "main"))[0];

        Assert.Equal(RepositoryFile.ReadText("docs/reference/promotion.yml"), workflow.Content);
        Assert.Equal(RepositoryFile.ReadText("parity/config/thresholds.json"), thresholds.Content);
    }

    [Fact]
    public async Task Repository_and_environment_secrets_and_variables_match_the_official_examples()
    {
        await using var ctx = await SandboxTestContext.StartAsync();
        ctx.Sandbox.Control.SetEnvironmentSecret("production", "DEPLOY_KEY");

        var all = await ctx.GitHub.Repository.Actions.Secrets.GetAll(Owner, Repo);
        var one = await ctx.GitHub.Repository.Actions.Secrets.Get(Owner, Repo, "MISTRAL_API_KEY");

        Assert.Equal(["GEMINI_API_KEY", "MISTRAL_API_KEY"], all.Secrets.Select(s => s.Name).Order());
        Assert.Equal("MISTRAL_API_KEY", one.Name);
        await Assert.ThrowsAsync<NotFoundException>(() => ctx.GitHub.Repository.Actions.Secrets.Get(Owner, Repo, "NOPE"));
        FixtureKeys.AssertKeeps(GitHubFixtures.Load(GitHubFixtures.ActionsSecret), await ctx.GetObjectAsync($"{ctx.RepoPath}/actions/secrets/GEMINI_API_KEY"));

        var envSecrets = await ctx.GetObjectAsync($"{ctx.RepoPath}/environments/production/secrets");
        Assert.Equal("DEPLOY_KEY", (string?)envSecrets["secrets"]![0]!["name"]);
        FixtureKeys.AssertKeeps(GitHubFixtures.Load(GitHubFixtures.ActionsSecret), await ctx.GetObjectAsync($"{ctx.RepoPath}/environments/production/secrets/DEPLOY_KEY"));
        using var missingEnvSecret = await ctx.Http.GetAsync($"{ctx.RepoPath}/environments/staging/secrets/DEPLOY_KEY");
        Assert.Equal(System.Net.HttpStatusCode.NotFound, missingEnvSecret.StatusCode);

        var variable = await ctx.GetObjectAsync($"{ctx.RepoPath}/environments/production/variables/ENABLE_PURGE_EXECUTION");
        Assert.Equal("false", (string?)variable["value"]);
        FixtureKeys.AssertKeeps(GitHubFixtures.Load(GitHubFixtures.ActionsVariable), variable);
        var variables = await ctx.GetObjectAsync($"{ctx.RepoPath}/environments/staging/variables");
        Assert.Equal(2, (int)variables["total_count"]!);
        ctx.Sandbox.Control.RemoveEnvironmentVariable("production", "ENABLE_SCHEDULER");
        using var missingVariable = await ctx.Http.GetAsync($"{ctx.RepoPath}/environments/production/variables/ENABLE_SCHEDULER");
        Assert.Equal(System.Net.HttpStatusCode.NotFound, missingVariable.StatusCode);
        using var unknownEnvironment = await ctx.Http.GetAsync($"{ctx.RepoPath}/environments/qa/variables");
        Assert.Equal(System.Net.HttpStatusCode.NotFound, unknownEnvironment.StatusCode);
    }

    [Fact]
    public async Task Workflow_matches_octokit_and_the_official_example()
    {
        await using var ctx = await SandboxTestContext.StartAsync();

        Workflow workflow = await ctx.GitHub.Actions.Workflows.Get(Owner, Repo, "promotion.yml");
        Workflow byId = await ctx.GitHub.Actions.Workflows.Get(Owner, Repo, workflow.Id);

        Assert.Equal("Deployment Promotion", workflow.Name);
        Assert.Equal(RepositoryState.PromotionWorkflowPath, workflow.Path);
        Assert.Equal("active", workflow.State.StringValue);
        Assert.Equal(workflow.Id, byId.Id);
        FixtureKeys.AssertKeeps(GitHubFixtures.Load(GitHubFixtures.Workflow), await ctx.GetObjectAsync($"{ctx.RepoPath}/actions/workflows/promotion.yml"));
        await Assert.ThrowsAsync<NotFoundException>(() => ctx.GitHub.Actions.Workflows.Get(Owner, Repo, "other.yml"));
    }

    [Fact]
    public async Task Run_jobs_and_artifacts_match_octokit_and_the_official_examples()
    {
        await using var ctx = await SandboxTestContext.StartAsync();
        ctx.Sandbox.Control.EnqueueScenario(Scenario.ParityFails());
        var runId = await ctx.DispatchAsync("staging", correlationId: "k1");
        await ctx.RunToCompletionAsync(runId);

        WorkflowRun run = await ctx.GitHub.Actions.Workflows.Runs.Get(Owner, Repo, runId);
        WorkflowJobsResponse jobs = await ctx.GitHub.Actions.Workflows.Jobs.List(Owner, Repo, runId,
            new WorkflowRunJobsRequest { Filter = WorkflowRunJobsFilter.Latest });
        WorkflowJob job = await ctx.GitHub.Actions.Workflows.Jobs.Get(Owner, Repo, jobs.Jobs[0].Id);
        ListArtifactsResponse artifacts = await ctx.GitHub.Actions.Artifacts.ListWorkflowArtifacts(Owner, Repo, runId);
        Artifact artifact = await ctx.GitHub.Actions.Artifacts.GetArtifact(Owner, Repo, artifacts.Artifacts[0].Id);
        WorkflowRunsResponse runs = await ctx.GitHub.Actions.Workflows.Runs.ListByWorkflow(Owner, Repo, "promotion.yml");

        Assert.Equal(runId, run.Id);
        Assert.Equal(1, run.RunNumber);
        Assert.Equal(6, jobs.TotalCount);
        Assert.Equal(runId, job.RunId);
        Assert.Equal("Validate Request", job.Name);
        Assert.Equal("promotion-parity-report", artifact.Name);
        Assert.Equal(runId, Assert.Single(runs.WorkflowRuns).Id);
        Assert.EndsWith($"/actions/runs/{runId}", run.HtmlUrl);

        var runBody = await ctx.GetObjectAsync($"{ctx.RepoPath}/actions/runs/{runId}");
        FixtureKeys.AssertKeeps(GitHubFixtures.Load(GitHubFixtures.WorkflowRun), runBody);
        var jobsBody = await ctx.GetObjectAsync($"{ctx.RepoPath}/actions/runs/{runId}/jobs");
        FixtureKeys.AssertKeeps(GitHubFixtures.Load(GitHubFixtures.Job), jobsBody["jobs"]![0]);
        FixtureKeys.AssertKeeps(GitHubFixtures.Load(GitHubFixtures.Job), await ctx.GetObjectAsync($"{ctx.RepoPath}/actions/jobs/{job.Id}"));
        var artifactsBody = await ctx.GetObjectAsync($"{ctx.RepoPath}/actions/runs/{runId}/artifacts?name=promotion-parity-report");
        FixtureKeys.AssertKeeps(GitHubFixtures.Load(GitHubFixtures.Artifact), artifactsBody["artifacts"]![0]);
        var annotations = JsonNode.Parse(await ctx.Http.GetStringAsync($"{ctx.RepoPath}/check-runs/{jobs.Jobs[4].Id}/annotations"));
        FixtureKeys.AssertKeeps(GitHubFixtures.Load(GitHubFixtures.CheckAnnotations), annotations);
        var none = await ctx.GetObjectAsync($"{ctx.RepoPath}/actions/runs/{runId}/artifacts?name=other");
        Assert.Equal(0, (int)none["total_count"]!);
    }

    [Fact]
    public async Task Pending_deployments_and_dispatch_details_keep_the_official_keys()
    {
        await using var ctx = await SandboxTestContext.StartAsync();
        ctx.Sandbox.Control.EnqueueScenario(new Scenario { WaitForReview = true });
        using var dispatch = await ctx.PostDispatchAsync(
            new { @ref = "main", inputs = new { target_environment = "staging" }, return_run_details = true }, "2026-03-10");
        var details = JsonNode.Parse(await dispatch.Content.ReadAsStringAsync())!;
        FixtureKeys.AssertKeeps(GitHubFixtures.Load(GitHubFixtures.WorkflowDispatchResponse), details);
        var runId = (long)details["workflow_run_id"]!;
        ctx.Time.Advance(TimeSpan.FromMinutes(5));

        var pending = JsonNode.Parse(await ctx.Http.GetStringAsync($"{ctx.RepoPath}/actions/runs/{runId}/pending_deployments"));

        FixtureKeys.AssertKeeps(GitHubFixtures.Load(GitHubFixtures.PendingDeployments), pending);
    }

    [Fact]
    public async Task Rate_limit_matches_octokit_and_the_official_example()
    {
        await using var ctx = await SandboxTestContext.StartAsync(o => o.RateLimit = 100);
        await ctx.GitHub.Git.Reference.Get(Owner, Repo, "heads/main");

        MiscellaneousRateLimit limits = await ctx.GitHub.RateLimit.GetRateLimits();

        Assert.Equal(100, limits.Resources.Core.Limit);
        Assert.Equal(99, limits.Resources.Core.Remaining);
        Assert.Equal(99, limits.Rate.Remaining);
        FixtureKeys.AssertKeeps(GitHubFixtures.Load(GitHubFixtures.RateLimitOverview), await ctx.GetObjectAsync("rate_limit"));
    }

    [Fact]
    public async Task Another_repository_is_404()
    {
        await using var ctx = await SandboxTestContext.StartAsync();

        await Assert.ThrowsAsync<NotFoundException>(() => ctx.GitHub.Git.Reference.Get("contoso", "other", "heads/main"));
        using var unknown = await ctx.Http.GetAsync("no/such/endpoint");
        Assert.Equal(System.Net.HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal("Not Found", (string?)JsonNode.Parse(await unknown.Content.ReadAsStringAsync())!["message"]);
    }
}
