using System.Net;
using System.Text.Json.Nodes;
using JobSheetQA.GitHubSandbox.Simulation;
using Octokit;

namespace JobSheetQA.Bot.Tests.GitHubSandbox;

public sealed class DispatchTests
{
    private static readonly object StagingBody = new
    {
        @ref = "main",
        inputs = new { target_environment = "staging" },
        return_run_details = true,
    };

    [Fact]
    public async Task Run_details_come_back_only_with_the_flag_and_api_version_2026_03_10()
    {
        await using var ctx = await SandboxTestContext.StartAsync();

        using var withBoth = await ctx.PostDispatchAsync(StagingBody, "2026-03-10");
        using var noVersion = await ctx.PostDispatchAsync(StagingBody);
        using var oldVersion = await ctx.PostDispatchAsync(StagingBody, "2022-11-28");
        using var noFlag = await ctx.PostDispatchAsync(new { @ref = "main", inputs = new { target_environment = "staging" } }, "2026-03-10");

        Assert.Equal(HttpStatusCode.OK, withBoth.StatusCode);
        var details = JsonNode.Parse(await withBoth.Content.ReadAsStringAsync())!;
        var runId = (long)details["workflow_run_id"]!;
        Assert.Equal(new Uri(ctx.Sandbox.ApiBaseAddress, $"{ctx.RepoPath}/actions/runs/{runId}").ToString(), (string?)details["run_url"]);
        Assert.Equal(HttpStatusCode.NoContent, noVersion.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, oldVersion.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, noFlag.StatusCode);
        Assert.Equal(4, ctx.Sandbox.Control.ListRuns().Count);
        Assert.NotNull(ctx.Sandbox.Control.GetRun(runId));
    }

    [Fact]
    public async Task Octokit_create_dispatch_creates_a_run_with_the_string_inputs()
    {
        await using var ctx = await SandboxTestContext.StartAsync();

        await ctx.GitHub.Actions.Workflows.CreateDispatch(SandboxTestContext.Owner, SandboxTestContext.Repo, "promotion.yml",
            new CreateWorkflowDispatch("main")
            {
                Inputs = new Dictionary<string, object> { ["target_environment"] = "production", ["correlation_id"] = "octo" },
            });

        var run = Assert.Single(ctx.Sandbox.Control.ListRuns());
        Assert.Equal("production", run.Inputs["target_environment"]);
        Assert.Equal("false", run.Inputs["skip_parity"]); // declared default filled in
        Assert.Equal("Promotion production skip_parity=false nightly=false [octo]", run.DisplayTitle);
        Assert.Equal("sandbox-user", (await ctx.GitHub.Actions.Workflows.Runs.Get(SandboxTestContext.Owner, SandboxTestContext.Repo, run.Id)).Actor.Login);
    }

    [Fact]
    public async Task No_content_scenario_answers_204_even_when_details_are_asked_for()
    {
        await using var ctx = await SandboxTestContext.StartAsync();
        ctx.Sandbox.Control.EnqueueScenario(new Scenario { DispatchResponse = DispatchResponseMode.NoContent });

        using var response = await ctx.PostDispatchAsync(StagingBody, "2026-03-10");

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Single(ctx.Sandbox.Control.ListRuns());
    }

    [Fact]
    public async Task Old_ghes_scenario_rejects_the_flag_with_400_and_accepts_the_retry_without_it()
    {
        await using var ctx = await SandboxTestContext.StartAsync();
        ctx.Sandbox.Control.EnqueueScenario(new Scenario { DispatchResponse = DispatchResponseMode.RejectReturnRunDetails, FailAt = "CI Gate" });

        using var rejected = await ctx.PostDispatchAsync(StagingBody, "2026-03-10");
        Assert.Equal(HttpStatusCode.BadRequest, rejected.StatusCode);
        Assert.Empty(ctx.Sandbox.Control.ListRuns());

        using var retried = await ctx.PostDispatchAsync(new { @ref = "main", inputs = new { target_environment = "staging" } });
        Assert.Equal(HttpStatusCode.NoContent, retried.StatusCode);
        var run = Assert.Single(ctx.Sandbox.Control.ListRuns());
        Assert.Equal("CI Gate", run.Scenario.FailAt); // the scenario was not used up by the rejected request
    }

    [Theory]
    [InlineData("{\"ref\":\"main\",\"inputs\":{\"target_environment\":\"qa\"}}", "not in the list of allowed values")]
    [InlineData("{\"ref\":\"main\",\"inputs\":{\"target_environment\":\"staging\",\"force\":\"true\"}}", "Unexpected inputs provided: [\"force\"]")]
    [InlineData("{\"ref\":\"main\",\"inputs\":{\"target_environment\":\"staging\",\"skip_parity\":true}}", "is not a string")]
    [InlineData("{\"ref\":\"main\",\"inputs\":{\"target_environment\":\"staging\",\"skip_parity\":\"yes\"}}", "is not a valid boolean")]
    [InlineData("{\"ref\":\"main\",\"inputs\":{}}", "Required input 'target_environment' not provided")]
    [InlineData("{\"ref\":\"nope\",\"inputs\":{\"target_environment\":\"staging\"}}", "No ref found for: nope")]
    public async Task Invalid_dispatch_is_422_and_creates_no_run(string body, string message)
    {
        await using var ctx = await SandboxTestContext.StartAsync();

        using var response = await ctx.Http.PostAsync($"{ctx.RepoPath}/actions/workflows/promotion.yml/dispatches",
            new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains(message, (string?)JsonNode.Parse(await response.Content.ReadAsStringAsync())!["message"]);
        Assert.Empty(ctx.Sandbox.Control.ListRuns());
    }

    [Fact]
    public async Task Octokit_sees_validation_errors_as_api_validation_exception()
    {
        await using var ctx = await SandboxTestContext.StartAsync();

        await Assert.ThrowsAsync<ApiValidationException>(() => ctx.GitHub.Actions.Workflows.CreateDispatch(
            SandboxTestContext.Owner, SandboxTestContext.Repo, "promotion.yml",
            new CreateWorkflowDispatch("main") { Inputs = new Dictionary<string, object> { ["target_environment"] = "staging", ["skip_parity"] = true } }));
    }

    [Fact]
    public async Task Unknown_workflow_is_404_and_a_disabled_or_untriggerable_workflow_is_422()
    {
        await using var ctx = await SandboxTestContext.StartAsync();

        using var missing = await ctx.PostDispatchAsync(new { @ref = "main" }, workflow: "other.yml");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);

        ctx.Sandbox.Control.SetFile(".github/workflows/nightly.yml", "name: Nightly\non:\n  schedule:\n    - cron: '0 2 * * *'\njobs: {}\n");
        using var noTrigger = await ctx.PostDispatchAsync(new { @ref = "main" }, workflow: "nightly.yml");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, noTrigger.StatusCode);

        ctx.Sandbox.Control.SetWorkflowState("disabled_manually");
        using var disabled = await ctx.PostDispatchAsync(StagingBody);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, disabled.StatusCode);
        Assert.Equal("disabled_manually", (await ctx.GitHub.Actions.Workflows.Get(SandboxTestContext.Owner, SandboxTestContext.Repo, "promotion.yml")).State.StringValue);
    }

    [Fact]
    public async Task Inputs_follow_the_workflow_file_in_the_repository_state()
    {
        await using var ctx = await SandboxTestContext.StartAsync();
        // An older promotion.yml without correlation_id: the bot's correlation input must then be refused.
        ctx.Sandbox.Control.SetFile(JobSheetQA.GitHubSandbox.State.RepositoryState.PromotionWorkflowPath, """
            name: Deployment Promotion
            on:
              workflow_dispatch:
                inputs:
                  target_environment:
                    type: choice
                    required: true
                    options: [staging, production]
            jobs: {}
            """);

        using var refused = await ctx.PostDispatchAsync(new { @ref = "main", inputs = new { target_environment = "staging", correlation_id = "x" } });
        using var accepted = await ctx.PostDispatchAsync(new { @ref = "main", inputs = new { target_environment = "staging" } });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, accepted.StatusCode);
        Assert.Equal("Deployment Promotion", Assert.Single(ctx.Sandbox.Control.ListRuns()).DisplayTitle); // no run-name: the workflow name
    }
}
