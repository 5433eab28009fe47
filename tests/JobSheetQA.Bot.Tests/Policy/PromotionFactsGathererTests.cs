using System.Globalization;
using System.Reflection;
using System.Text;
using System.Text.Json.Nodes;
using JobSheetQA.Bot.Policy;
using JobSheetQA.Bot.Storage;
using JobSheetQA.Bot.Tests.GitHub;
using JobSheetQA.Bot.Tests.Storage.Support;
using JobSheetQA.Bot.Tests.Support;
using JobSheetQA.GitHubSandbox.Control;
using JobSheetQA.GitHubSandbox.Simulation;
using JobSheetQA.GitHubSandbox.State;
using JobSheetQA.Rules.Decisions;
using JobSheetQA.Rules.Engine;
using JobSheetQA.Rules.Facts;
using JobSheetQA.Rules.Policy;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;
using NSubstitute;

namespace JobSheetQA.Bot.Tests.Policy;

/// <summary>Facts gathered from the GitHub sandbox over real HTTP and from a real SQLite database, judged by the real rules.</summary>
public sealed class PromotionFactsGathererTests : IAsyncLifetime
{
    private static readonly PromotionPolicy Policy = ShippedPolicy.Value;
    private static readonly PolicyEngine Engine = new();
    private static readonly RequesterIdentity Dana = new("teams", "aad-dana", "Dana Okafor", "dana@example.com");
    // The sandbox stamps runs with the real clock; nightly parity freshness is judged against the same clock.
    private readonly FakeTimeProvider time = new(DateTimeOffset.UtcNow);
    private GatewayHarness github = null!;
    private StorageTestHost storage = null!;

    public async Task InitializeAsync()
    {
        github = await GatewayHarness.StartAsync();
        storage = await new SqliteTestDatabase().StartAsync();
    }

    public async Task DisposeAsync()
    {
        await storage.DisposeAsync();
        await github.DisposeAsync();
    }

    private PromotionFactsGatherer Gatherer(string hostEnvironment = "Development")
    {
        var host = Substitute.For<IHostEnvironment>();
        host.EnvironmentName.Returns(hostEnvironment);
        return new PromotionFactsGatherer(github.Facts, storage.Get<StoredFactsReader>(), Policy, time, host);
    }

    private static PromotionAsk Ask(string environment, bool skipParity = false, string? acknowledgement = null, string? gitRef = null) =>
        new("p-1", environment, gitRef, skipParity, UseNightlyParity: false, acknowledgement, Dana);

    private async Task<PromotionFacts> GatherAsync(PromotionAsk ask)
    {
        var gathered = await Gatherer().GatherAsync(ask);
        Assert.True(gathered.Succeeded, gathered.Error?.Message);
        return gathered.Facts;
    }

    [Fact]
    public async Task Staging_facts_come_from_the_repository_and_are_allowed_in_development()
    {
        var facts = await GatherAsync(Ask("staging"));
        var decision = Engine.Decide(facts);

        Assert.Equal(RepositoryState.DefaultHeadSha, facts.Request.CommitSha);
        Assert.Equal("main", facts.Request.Ref);
        Assert.True(facts.Workflow.Found);
        Assert.True(facts.Workflow.Analysis!.IsClean);
        Assert.True(facts.Secrets.Has("MISTRAL_API_KEY") && facts.Secrets.Has("GEMINI_API_KEY"));
        Assert.All(facts.PostureFlags, flag => Assert.False(flag.IsEnabled));
        Assert.True(facts.Context.IsDevelopment);
        Assert.Equal(time.GetUtcNow(), facts.Context.Now);
        Assert.Equal(Verdict.Allow, decision.Verdict);
        Assert.Equal(["ACCESS"], decision.Findings.Select(f => f.RuleId)); // the Development warning: policy.yaml lists nobody yet
    }

    [Fact]
    public async Task Production_needs_staging_evidence_from_the_database()
    {
        var without = Engine.Decide(await GatherAsync(Ask("production")));
        await storage.Get<StagingVerificationStore>().RecordAsync(
            new StagingVerification("staging", RepositoryState.DefaultHeadSha, "dana@example.com", time.GetUtcNow().AddHours(-1), true, true, true));
        var withVerificationOnly = Engine.Decide(await GatherAsync(Ask("production")));

        Assert.Equal(2, without.Findings.Count(f => f.RuleId == "STAGE-FIRST"));
        Assert.Single(withVerificationOnly.Findings, f => f.RuleId == "STAGE-FIRST");
        Assert.Contains("has not been promoted to staging", withVerificationOnly.Findings.Single(f => f.RuleId == "STAGE-FIRST").Message);
    }

    [Fact]
    public async Task A_purge_flag_set_on_production_in_github_is_refused()
    {
        github.Control.SetEnvironmentVariable("production", "ENABLE_PURGE_EXECUTION", "true");

        var decision = Engine.Decide(await GatherAsync(Ask("production")));

        Assert.Equal(RuleVerdict.Deny, decision.VerdictOf("POSTURE-PURGE"));
        Assert.Equal(RuleVerdict.Pass, decision.VerdictOf("POSTURE-SCHED"));
    }

    [Fact]
    public async Task A_missing_secret_and_a_missing_workflow_are_facts_the_rules_refuse()
    {
        github.Control.RemoveSecret("GEMINI_API_KEY");
        github.Control.RemoveFile(RepositoryState.PromotionWorkflowPath);

        var decision = Engine.Decide(await GatherAsync(Ask("staging")));

        Assert.Contains("GEMINI_API_KEY", decision.Findings.Single(f => f.RuleId == "SECRETS").Message);
        Assert.Equal(".github/workflows/promotion.yml not found on main", decision.Findings.Single(f => f.RuleId == "WORKFLOW-INPUTS").Message);
    }

    [Fact]
    public async Task The_lock_holder_in_the_database_is_a_fact()
    {
        await storage.Get<PromotionLocks>().TryAcquireAsync("staging", "p-other", "Sam", time.GetUtcNow().AddMinutes(-3));

        var decision = Engine.Decide(await GatherAsync(Ask("staging")));

        Assert.Contains("locked by Sam", decision.Findings.Single(f => f.RuleId == "LOCK").Message);
    }

    [Fact]
    public async Task Outside_development_an_empty_requester_list_refuses()
    {
        var gathered = await Gatherer(hostEnvironment: "Production").GatherAsync(Ask("staging"));

        Assert.Equal(RuleVerdict.Deny, Engine.Decide(gathered.Facts!).VerdictOf("ACCESS"));
    }

    [Theory]
    [InlineData("latest.pass.json", RuleVerdict.Pass)]
    [InlineData("latest.fail.json", RuleVerdict.Deny)]
    public async Task Nightly_parity_is_read_from_the_newest_nightly_run_and_judged_against_the_repository_thresholds(string sample, RuleVerdict expected)
    {
        // The samples were generated on 2026-11-25; here the suite ran ten minutes ago.
        var generatedAt = time.GetUtcNow().AddMinutes(-10);
        await RunNightlyAsync(Report(sample, r => r["generated_at"] = generatedAt.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture)));

        var facts = await GatherAsync(Ask("staging") with { UseNightlyParity = true });
        var decision = Engine.Decide(facts);

        Assert.NotNull(facts.NightlyParity);
        Assert.Equal(generatedAt.ToUnixTimeSeconds(), facts.NightlyParity.GeneratedAt?.ToUnixTimeSeconds());
        Assert.Equal(expected, decision.VerdictOf("NIGHTLY-PARITY"));
        if (expected == RuleVerdict.Deny)
            Assert.Contains("field_match_rate", decision.Findings.Single(f => f.RuleId == "NIGHTLY-PARITY").Message);
    }

    [Fact]
    public async Task Nightly_parity_age_is_the_report_s_generated_at_not_the_time_its_run_finished()
    {
        await RunNightlyAsync(Report("latest.pass.json", _ => { }));

        var facts = await GatherAsync(Ask("staging") with { UseNightlyParity = true });
        var decision = Engine.Decide(facts);

        Assert.Equal(new DateTimeOffset(2026, 11, 25, 2, 14, 7, TimeSpan.Zero), facts.NightlyParity!.GeneratedAt);
        Assert.True(time.GetUtcNow() - facts.NightlyParity.CompletedAt < TimeSpan.FromHours(1), "the run itself finished just now");
        Assert.StartsWith(
            $"Nightly parity is stale: the report of run {facts.NightlyParity.RunId} was generated 2026-11-25 02:14 UTC",
            decision.Findings.Single(f => f.RuleId == "NIGHTLY-PARITY").Message,
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_nightly_report_without_generated_at_is_aged_by_its_run_and_refused_as_unreadable()
    {
        await RunNightlyAsync(Report("latest.pass.json", r => r.Remove("generated_at")));

        var facts = await GatherAsync(Ask("staging") with { UseNightlyParity = true });
        var decision = Engine.Decide(facts);

        Assert.Null(facts.NightlyParity!.GeneratedAt);
        var finding = Assert.Single(decision.Findings, f => f.RuleId == "NIGHTLY-PARITY");
        Assert.Contains("broke its thresholds", finding.Message, StringComparison.Ordinal);
        Assert.Contains("generated_at", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_github_failure_stops_gathering_with_an_actionable_error()
    {
        github.Control.AddFault(new FaultRule { Path = "/contents/", Method = "GET", Kind = FaultKind.Forbidden });

        var gathered = await Gatherer().GatherAsync(Ask("staging"));

        Assert.False(gathered.Succeeded);
        Assert.DoesNotContain("Exception", gathered.Error.Message);
    }

    /// <summary>A sample report from parity/samples/, changed.</summary>
    private static string Report(string sample, Action<JsonObject> change)
    {
        var report = JsonNode.Parse(ReadRepositoryFile("parity/samples/" + sample))!.AsObject();
        change(report);
        return report.ToJsonString();
    }

    private async Task RunNightlyAsync(string report)
    {
        github.Control.SetFile(".github/workflows/" + Policy.NightlyParity.Workflow,
            "name: Nightly Parity\non:\n  workflow_dispatch:\njobs:\n  parity:\n    runs-on: ubuntu-latest\n    steps:\n      - run: npm run parity\n");
        github.Control.EnqueueScenario(new Scenario { ParityReport = Encoding.UTF8.GetBytes(report) });
        using var http = new HttpClient { BaseAddress = github.Sandbox.ApiBaseAddress };
        http.DefaultRequestHeaders.Add("Authorization", "token " + GatewayHarness.Token);
        http.DefaultRequestHeaders.Add("User-Agent", "tests");
        using var response = await http.PostAsync(
            $"repos/{github.Owner}/{github.Repo}/actions/workflows/{Policy.NightlyParity.Workflow}/dispatches",
            new StringContent("""{"ref":"main"}""", Encoding.UTF8, "application/json"));
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        var run = github.Control.ListRuns().Single(r => r.Workflow.EndsWith(Policy.NightlyParity.Workflow, StringComparison.Ordinal));
        await github.WaitForCompletionAsync(run.Id);
    }

    private static string ReadRepositoryFile(string relativePath)
    {
        var root = typeof(PromotionFactsGathererTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "RepositoryRoot").Value!;
        return File.ReadAllText(Path.Combine(root, relativePath));
    }
}
