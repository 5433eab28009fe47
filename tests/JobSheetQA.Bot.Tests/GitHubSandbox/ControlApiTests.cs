using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace JobSheetQA.Bot.Tests.GitHubSandbox;

/// <summary>The HTTP control API under /_sandbox/, as a newcomer or a non-.NET test would use it.</summary>
public sealed class ControlApiTests
{
    [Fact]
    public async Task Repository_state_can_be_read_replaced_and_edited_over_http()
    {
        await using var ctx = await SandboxTestContext.StartAsync();
        using var control = Control(ctx);

        var state = JsonNode.Parse(await control.GetStringAsync("repository"))!;
        Assert.Equal("main", (string?)state["defaultBranch"]);
        state["secrets"] = new JsonArray("MISTRAL_API_KEY");
        state["branches"]!["release"] = "4444444444444444444444444444444444444444";
        using var put = await control.PutAsync("repository", new StringContent(state.ToJsonString(), Encoding.UTF8, "application/json"));
        using var file = await control.PutAsync("repository/files/docs/notes.md", new StringContent("hello"));
        using var variable = await control.PutAsync("repository/environments/production/variables/ENABLE_SCHEDULER",
            JsonContent.Create(new { value = "true" }));
        using var branch = await control.PutAsync("repository/branches/main", JsonContent.Create(new { sha = "5555555555555555555555555555555555555555" }));
        using var envSecret = await control.PutAsync("repository/environments/staging/secrets/GEMINI_API_KEY", null);

        Assert.All(new[] { put, file, variable, branch, envSecret }, r => Assert.Equal(HttpStatusCode.NoContent, r.StatusCode));
        using var missingSecret = await ctx.Http.GetAsync($"{ctx.RepoPath}/actions/secrets/GEMINI_API_KEY");
        Assert.Equal(HttpStatusCode.NotFound, missingSecret.StatusCode);
        Assert.Equal("4444444444444444444444444444444444444444", (string?)(await ctx.GetObjectAsync($"{ctx.RepoPath}/branches/release"))["commit"]!["sha"]);
        Assert.Equal("5555555555555555555555555555555555555555", (string?)(await ctx.GetObjectAsync($"{ctx.RepoPath}/git/ref/heads/main"))["object"]!["sha"]);
        Assert.Equal("hello", (await ctx.GitHub.Repository.Content.GetAllContentsByRef(SandboxTestContext.Owner, SandboxTestContext.Repo, "docs/notes.md", "main"))[0].Content);
        Assert.Equal("true", (string?)(await ctx.GetObjectAsync($"{ctx.RepoPath}/environments/production/variables/ENABLE_SCHEDULER"))["value"]);
        Assert.Equal("GEMINI_API_KEY", (string?)(await ctx.GetObjectAsync($"{ctx.RepoPath}/environments/staging/secrets/GEMINI_API_KEY"))["name"]);

        using var delete = await control.DeleteAsync("repository/files/docs/notes.md");
        using var gone = await ctx.Http.GetAsync($"{ctx.RepoPath}/contents/docs/notes.md");
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
    }

    [Fact]
    public async Task Scenario_posted_as_json_with_a_report_object_drives_the_next_run()
    {
        await using var ctx = await SandboxTestContext.StartAsync();
        using var control = Control(ctx);

        using var posted = await control.PostAsync("scenarios", new StringContent(
            """{"failAt":"Parity Gate","failureMessage":"field_match_rate below 0.95","parityReport":{"metrics":{"field_match_rate":0.42}},"parityReportEntry":"reports/latest.json"}""",
            Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.NoContent, posted.StatusCode);
        var runId = await ctx.DispatchAsync("staging");
        await ctx.RunToCompletionAsync(runId);

        var runs = JsonNode.Parse(await control.GetStringAsync("runs"))!.AsArray();
        var run = Assert.Single(runs)!;
        Assert.Equal(runId, (long)run["id"]!);
        Assert.Equal("failure", (string?)run["conclusion"]);
        Assert.Equal("Parity Gate", (string?)run["scenario"]!["failAt"]);
        var parity = run["jobs"]!.AsArray().Single(j => (string?)j!["name"] == "Parity Gate")!;
        Assert.Equal("field_match_rate below 0.95", (string?)parity["failureMessage"]);

        var artifactId = (long)run["artifactId"]!;
        var zipBytes = await ctx.Http.GetByteArrayAsync($"{ctx.RepoPath}/actions/artifacts/{artifactId}/zip");
        using var zip = new ZipArchive(new MemoryStream(zipBytes));
        var report = JsonNode.Parse(zip.GetEntry("reports/latest.json")!.Open())!;
        Assert.Equal(0.42, (double)report["metrics"]!["field_match_rate"]!);
    }

    [Fact]
    public async Task Any_thresholds_file_and_the_failing_steps_annotations_and_log_are_set_over_http_and_served_in_githubs_shapes()
    {
        await using var ctx = await SandboxTestContext.StartAsync();
        using var control = Control(ctx);

        using var thresholds = await control.PutAsync("repository/files/parity/config/thresholds.json", new StringContent("""{"min_field_accuracy": 0.95}"""));
        using var posted = await control.PostAsync("scenarios", JsonContent.Create(new
        {
            failAt = "Parity Gate",
            parityReport = "not json",
            failureAnnotations = new[] { "field_accuracy 0.91 < 0.95", "defect_recall 0.83 < 0.85" },
            failureLog = new[] { "comparing 200 job sheets" },
        }));
        Assert.Equal(HttpStatusCode.NoContent, thresholds.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, posted.StatusCode);
        var runId = await ctx.DispatchAsync("staging");
        await ctx.RunToCompletionAsync(runId);
        var job = JsonNode.Parse(await control.GetStringAsync($"runs/{runId}"))!["jobs"]!.AsArray().Single(j => (string?)j!["name"] == "Parity Gate")!;
        var jobId = (long)job["id"]!;

        var annotations = JsonNode.Parse(await ctx.Http.GetStringAsync($"{ctx.RepoPath}/check-runs/{jobId}/annotations"))!.AsArray();
        Assert.Equal(["field_accuracy 0.91 < 0.95", "defect_recall 0.83 < 0.85"], annotations.Select(a => (string?)a!["message"]));
        Assert.All(annotations, a => Assert.Equal(
            ["path", "start_line", "end_line", "start_column", "end_column", "annotation_level", "title", "message", "raw_details", "blob_href"],
            a!.AsObject().Select(p => p.Key)));

        using var noRedirects = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = ctx.Http.BaseAddress };
        using var redirect = await noRedirects.GetAsync($"{ctx.RepoPath}/actions/jobs/{jobId}/logs");
        Assert.Equal(HttpStatusCode.Redirect, redirect.StatusCode);
        var log = await ctx.Http.GetStringAsync($"{ctx.RepoPath}/actions/jobs/{jobId}/logs");
        Assert.Matches(@"^\d{4}-\d\d-\d\dT[\d:.]+Z ##\[group\]Runner Image\n", log);
        Assert.Contains("Z comparing 200 job sheets\n", log, StringComparison.Ordinal);
        Assert.Contains("Z ##[error]defect_recall 0.83 < 0.85\n", log, StringComparison.Ordinal);
        Assert.Contains("Z ##[error]Process completed with exit code 1.\n", log, StringComparison.Ordinal);
        Assert.Equal("""{"min_field_accuracy": 0.95}""", ctx.Sandbox.Control.Repository.Files["parity/config/thresholds.json"]);
    }

    [Fact]
    public async Task Scenario_posted_as_json_can_skip_and_omit_jobs()
    {
        await using var ctx = await SandboxTestContext.StartAsync();
        using var control = Control(ctx);

        using var posted = await control.PostAsync("scenarios", JsonContent.Create(new { skipJobs = new[] { "Rehearsal Gate" }, omitJobs = new[] { "Parity Gate" } }));
        Assert.Equal(HttpStatusCode.NoContent, posted.StatusCode);
        var runId = await ctx.DispatchAsync("staging");
        await ctx.RunToCompletionAsync(runId);

        var run = JsonNode.Parse(await control.GetStringAsync($"runs/{runId}"))!;
        Assert.Equal("success", (string?)run["conclusion"]);
        var jobs = run["jobs"]!.AsArray().Select(j => ((string?)j!["name"], (string?)j["conclusion"])).ToList();
        Assert.Equal(
            [("Validate Request", "success"), ("CI Gate", "success"), ("Policy Gate", "success"), ("Rehearsal Gate", "skipped"), ("Deploy", "success")],
            jobs);

        using var unknownJob = await control.PostAsync("scenarios", JsonContent.Create(new { omitJobs = new[] { "Smoke Gate" } }));
        Assert.Equal(HttpStatusCode.BadRequest, unknownJob.StatusCode);
        Assert.Contains("Smoke Gate", await unknownJob.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Bad_control_input_is_a_400_that_names_the_problem()
    {
        await using var ctx = await SandboxTestContext.StartAsync();
        using var control = Control(ctx);

        using var unknownJob = await control.PostAsync("scenarios", JsonContent.Create(new { failAt = "Smoke Gate" }));
        using var badRegex = await control.PostAsync("faults", JsonContent.Create(new { path = "(", kind = "serverError" }));
        using var noPath = await control.PostAsync("faults", JsonContent.Create(new { kind = "serverError" }));

        Assert.Equal(HttpStatusCode.BadRequest, unknownJob.StatusCode);
        Assert.Contains("Smoke Gate", await unknownJob.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.BadRequest, badRegex.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, noPath.StatusCode);
        Assert.Empty(ctx.Sandbox.Control.Faults);
    }

    [Fact]
    public async Task Faults_request_log_approval_expiry_rate_limit_and_reset_work_over_http()
    {
        await using var ctx = await SandboxTestContext.StartAsync();
        using var control = Control(ctx);

        using var fault = await control.PostAsync("faults", JsonContent.Create(new { path = "/rate_limit", kind = "badGateway", count = 1 }));
        Assert.Equal(HttpStatusCode.NoContent, fault.StatusCode);
        Assert.Equal("badGateway", JsonNode.Parse(await control.GetStringAsync("faults"))![0]!["kind"]!.GetValue<string>());
        using var faulted = await ctx.Http.GetAsync("rate_limit");
        Assert.Equal(HttpStatusCode.BadGateway, faulted.StatusCode);

        var log = JsonNode.Parse(await control.GetStringAsync("requests"))!.AsArray();
        Assert.Equal("/api/v3/rate_limit", (string?)log[0]!["path"]);
        Assert.Equal("badGateway", (string?)log[0]!["fault"]);

        await control.PostAsync("scenarios", JsonContent.Create(new { waitForReview = true }));
        var runId = await ctx.DispatchAsync("production");
        ctx.Time.Advance(TimeSpan.FromMinutes(10));
        using var approve = await control.PostAsync($"runs/{runId}/approve", null);
        using var approveAgain = await control.PostAsync($"runs/{runId}/approve", null);
        Assert.Equal(HttpStatusCode.NoContent, approve.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, approveAgain.StatusCode);
        await ctx.RunToCompletionAsync(runId);
        var artifactId = ctx.Sandbox.Control.GetRun(runId)!.ArtifactId!.Value;
        using var expire = await control.PostAsync($"artifacts/{artifactId}/expire", null);
        using var expired = await ctx.Http.GetAsync($"{ctx.RepoPath}/actions/artifacts/{artifactId}/zip");
        Assert.Equal(HttpStatusCode.Gone, expired.StatusCode);

        using var limit = await control.PutAsync("rate-limit", JsonContent.Create(new { limit = 100, remaining = 0 }));
        using var limited = await ctx.Http.GetAsync($"{ctx.RepoPath}/branches/main");
        Assert.Equal(HttpStatusCode.Forbidden, limited.StatusCode);

        using var reset = await control.PostAsync("reset", null);
        Assert.Equal(HttpStatusCode.NoContent, reset.StatusCode);
        Assert.Empty(JsonNode.Parse(await control.GetStringAsync("runs"))!.AsArray());
        using var afterReset = await ctx.Http.GetAsync($"{ctx.RepoPath}/branches/main");
        Assert.Equal(HttpStatusCode.OK, afterReset.StatusCode);
        Assert.Equal("5000", afterReset.Headers.GetValues("x-ratelimit-limit").Single());
    }

    [Fact]
    public async Task Default_scenario_applies_to_every_run_until_cleared()
    {
        await using var ctx = await SandboxTestContext.StartAsync();
        using var control = Control(ctx);

        await control.PutAsync("scenarios/default", JsonContent.Create(new { failAt = "CI Gate" }));
        var first = await ctx.DispatchAsync("staging");
        var second = await ctx.DispatchAsync("staging");
        await control.DeleteAsync("scenarios");
        var third = await ctx.DispatchAsync("staging");

        Assert.Equal("failure", (await ctx.RunToCompletionAsync(first)).Conclusion?.StringValue);
        Assert.Equal("failure", (await ctx.RunToCompletionAsync(second)).Conclusion?.StringValue);
        Assert.Equal("success", (await ctx.RunToCompletionAsync(third)).Conclusion?.StringValue);
        using var runJson = await control.GetAsync($"runs/{third}");
        Assert.Equal(HttpStatusCode.OK, runJson.StatusCode);
        Assert.Equal(JsonValueKind.Object, JsonDocument.Parse(await runJson.Content.ReadAsStringAsync()).RootElement.ValueKind);
    }

    private static HttpClient Control(SandboxTestContext ctx) => ctx.ControlClient();
}
