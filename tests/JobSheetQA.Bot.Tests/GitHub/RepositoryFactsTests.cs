using System.Text;
using JobSheetQA.Bot.GitHub;
using JobSheetQA.GitHubSandbox.Simulation;
using JobSheetQA.Rules.Policy;

namespace JobSheetQA.Bot.Tests.GitHub;

public sealed class RepositoryFactsTests
{
    [Fact]
    public async Task The_head_of_a_branch_is_its_commit_sha()
    {
        await using var h = await GatewayHarness.StartAsync();
        h.Control.SetBranchHead("main", "0123456789abcdef0123456789abcdef01234567");

        var head = await h.Facts.GetBranchHeadAsync("main");

        Assert.True(head.Succeeded, head.Error?.Message);
        Assert.Equal("0123456789abcdef0123456789abcdef01234567", head.Value.Sha);
    }

    [Fact]
    public async Task An_unknown_branch_is_a_not_found_result_naming_it()
    {
        await using var h = await GatewayHarness.StartAsync();

        var head = await h.Facts.GetBranchHeadAsync("release");

        Assert.Equal(GitHubErrorKind.NotFound, head.Error?.Kind);
        Assert.Contains("release", head.Error!.Message);
    }

    [Fact]
    public async Task Files_are_read_at_a_ref_and_a_missing_file_is_an_answer_not_an_error()
    {
        await using var h = await GatewayHarness.StartAsync();
        var thresholds = """{ "accuracy": { "min": 0.95 } }""" + "\n" + new string('x', 200);
        h.Control.SetFile("parity/config/thresholds.json", thresholds);

        var workflow = await h.Facts.GetFileAsync(".github/workflows/promotion.yml", "main");
        var config = await h.Facts.GetFileAsync("parity/config/thresholds.json", "main");
        var missing = await h.Facts.GetFileAsync("parity/reports/latest.json", "main");

        Assert.True(workflow.Value.Found);
        Assert.Contains("I_ACCEPT_PARITY_SKIP", workflow.Value.Text);
        Assert.Equal(thresholds, config.Value.Text);
        Assert.NotNull(config.Value.BlobSha);
        Assert.True(missing.Succeeded);
        Assert.False(missing.Value.Found);
        Assert.Null(missing.Value.Text);
    }

    [Fact]
    public async Task Secrets_are_found_by_name_in_repository_and_environment_scope()
    {
        await using var h = await GatewayHarness.StartAsync();
        h.Control.RemoveSecret("GEMINI_API_KEY");
        h.Control.SetEnvironmentSecret("production", "GEMINI_API_KEY");

        var production = await h.Facts.GetSecretPresenceAsync("production", ["MISTRAL_API_KEY", "GEMINI_API_KEY", "OTHER_KEY"]);
        var staging = await h.Facts.GetSecretPresenceAsync("staging", ["MISTRAL_API_KEY", "GEMINI_API_KEY"]);

        Assert.True(production.Succeeded, production.Error?.Message);
        Assert.Equal(["MISTRAL_API_KEY"], production.Value.InRepository);
        Assert.Equal(["GEMINI_API_KEY"], production.Value.InEnvironment);
        Assert.Equal(["OTHER_KEY"], production.Value.Missing);
        Assert.True(production.Value.ToInventory().Has("GEMINI_API_KEY"));
        Assert.Equal(["GEMINI_API_KEY"], staging.Value.Missing);
        // One GET per name and scope; the environment endpoint is only asked when the repository has no such secret.
        Assert.Single(h.RequestsTo("GET", h.RepoPath("/environments/production/secrets/GEMINI_API_KEY")));
        Assert.Empty(h.RequestsTo("GET", h.RepoPath("/environments/production/secrets/MISTRAL_API_KEY")));
    }

    [Fact]
    public async Task Posture_variables_are_read_and_an_unset_variable_has_no_value()
    {
        await using var h = await GatewayHarness.StartAsync();
        h.Control.SetEnvironmentVariable("production", "ENABLE_PURGE_EXECUTION", "true");
        h.Control.RemoveEnvironmentVariable("production", "ENABLE_SCHEDULER");

        var flags = await h.Facts.GetEnvironmentVariablesAsync("production", ["ENABLE_PURGE_EXECUTION", "ENABLE_SCHEDULER"]);

        Assert.True(flags.Succeeded, flags.Error?.Message);
        var purge = Assert.Single(flags.Value, f => f.Name == "ENABLE_PURGE_EXECUTION");
        var scheduler = Assert.Single(flags.Value, f => f.Name == "ENABLE_SCHEDULER");
        Assert.True(purge.IsEnabled);
        Assert.Null(scheduler.Value);
        Assert.False(scheduler.IsEnabled);
        Assert.Equal("production", scheduler.Environment);
    }

    [Fact]
    public async Task The_latest_nightly_parity_is_the_newest_successful_run_with_its_report_bytes()
    {
        await using var h = await GatewayHarness.StartAsync();
        h.Control.SetFile(".github/workflows/nightly-parity.yml",
            "name: Nightly Parity\non:\n  workflow_dispatch:\n  schedule:\n    - cron: '0 2 * * *'\njobs:\n  parity:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo\n");
        var report = Encoding.UTF8.GetBytes("""{"generatedAt":"2026-11-26T02:00:00Z","accuracy":0.97}""");
        h.Control.EnqueueScenario(new Scenario { ParityReport = report });
        h.Control.EnqueueScenario(Scenario.FailAtJob("CI Gate"));
        var nightly = new NightlyParityPolicy("nightly-parity.yml", "promotion-parity-report", TimeSpan.FromHours(26));

        var none = await h.Facts.GetLatestNightlyParityAsync(nightly, "main");
        var good = await DispatchNightly(h);
        await h.WaitForCompletionAsync(good);
        var failed = await DispatchNightly(h);
        await h.WaitForCompletionAsync(failed);

        var latest = await h.Facts.GetLatestNightlyParityAsync(nightly, "main");

        Assert.True(none.Succeeded, none.Error?.Message);
        Assert.Null(none.Value);
        Assert.True(latest.Succeeded, latest.Error?.Message);
        Assert.Equal(good, latest.Value!.RunId);
        Assert.Equal(report, latest.Value.Content);
        Assert.Equal("latest.json", latest.Value.EntryPath);
        Assert.Equal(h.Control.GetRun(good)!.HeadSha, latest.Value.HeadSha);
    }

    [Fact]
    public async Task A_nightly_workflow_that_does_not_exist_is_named_in_the_error()
    {
        await using var h = await GatewayHarness.StartAsync();

        var latest = await h.Facts.GetLatestNightlyParityAsync(new NightlyParityPolicy("nightly-parity.yml", "promotion-parity-report", TimeSpan.FromHours(26)), "main");

        Assert.Equal(GitHubErrorKind.NotFound, latest.Error?.Kind);
        Assert.Contains("nightly-parity.yml", latest.Error!.Message);
    }

    private static async Task<long> DispatchNightly(GatewayHarness h)
    {
        using var http = new HttpClient { BaseAddress = h.Sandbox.ApiBaseAddress };
        http.DefaultRequestHeaders.Add("Authorization", "token " + GatewayHarness.Token);
        http.DefaultRequestHeaders.Add("User-Agent", "tests");
        http.DefaultRequestHeaders.Add("X-GitHub-Api-Version", "2026-03-10");
        var response = await http.PostAsync($"repos/{h.Owner}/{h.Repo}/actions/workflows/nightly-parity.yml/dispatches",
            new StringContent("""{"ref":"main","return_run_details":true}""", Encoding.UTF8, "application/json"));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, body);
        using var json = System.Text.Json.JsonDocument.Parse(body);
        return json.RootElement.GetProperty("workflow_run_id").GetInt64();
    }
}
