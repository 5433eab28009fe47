using JobSheetQA.Bot.GitHub;
using JobSheetQA.Bot.Policy;
using JobSheetQA.Bot.Storage;
using JobSheetQA.Bot.Tests.GitHub;
using JobSheetQA.Bot.Tests.Storage.Support;
using JobSheetQA.Bot.Tests.Support;
using JobSheetQA.GitHubSandbox.State;
using JobSheetQA.Rules.Decisions;
using JobSheetQA.Rules.Facts;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;
using NSubstitute;

namespace JobSheetQA.Bot.Tests.Policy;

/// <summary>The facts cache against the GitHub sandbox over real HTTP: what a commit fixes is read once, what can move is
/// asked again (conditionally) or kept only briefly, and HEAD is never stale for a decision that can dispatch.</summary>
public sealed class FactsCacheTests : IAsyncLifetime
{
    private const string NewHead = "1111111111111111111111111111111111111111";
    private static readonly RequesterIdentity Dana = new("teams", "aad-dana", "Dana Okafor", "dana@example.com");
    private readonly FakeTimeProvider time = new(DateTimeOffset.UtcNow);
    private GatewayHarness github = null!;
    private StorageTestHost storage = null!;

    public async Task InitializeAsync()
    {
        github = await GatewayHarness.StartAsync(timeProvider: time);
        storage = await new SqliteTestDatabase().StartAsync();
    }

    public async Task DisposeAsync()
    {
        await storage.DisposeAsync();
        await github.DisposeAsync();
    }

    private PromotionFactsGatherer Gatherer()
    {
        var host = Substitute.For<IHostEnvironment>();
        host.EnvironmentName.Returns("Development");
        return new PromotionFactsGatherer(github.Facts, storage.Get<StoredFactsReader>(), ShippedPolicy.Value, time, host);
    }

    private static PromotionAsk Ask(bool dryRun = false) =>
        new("p-1", "staging", null, SkipParity: false, UseNightlyParity: false, AcknowledgementText: null, Dana, DryRun: dryRun);

    private async Task<PromotionFacts> GatherAsync(PromotionFactsGatherer gatherer, PromotionAsk ask)
    {
        var gathered = await gatherer.GatherAsync(ask);
        Assert.True(gathered.Succeeded, gathered.Error?.Message);
        return gathered.Facts;
    }

    [Fact]
    public async Task A_decision_after_main_moved_judges_the_new_head_and_reads_its_workflow_there()
    {
        var gatherer = Gatherer();
        var first = await GatherAsync(gatherer, Ask());
        github.Control.SetBranchHead("main", NewHead);
        github.ClearRequestLog();

        var second = await GatherAsync(gatherer, Ask());

        Assert.Equal(RepositoryState.DefaultHeadSha, first.Request.CommitSha);
        Assert.Equal(NewHead, second.Request.CommitSha);
        var head = Assert.Single(github.RequestsTo("GET", github.RepoPath("/branches/main")));
        Assert.Equal(200, head.Status);
        var contents = Assert.Single(github.RequestsTo("GET", github.RepoPath("/contents/")));
        Assert.Contains("ref=" + NewHead, contents.Path + " ", StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_second_decision_on_the_same_commit_reads_no_file_again_gets_a_304_for_head_and_sees_a_changed_flag()
    {
        var gatherer = Gatherer();
        var first = await GatherAsync(gatherer, Ask());
        github.ClearRequestLog();
        github.Control.SetEnvironmentVariable("staging", "ENABLE_SCHEDULER", "true"); // no webhook announces this

        var second = await GatherAsync(gatherer, Ask());

        Assert.Empty(github.RequestsTo("GET", github.RepoPath("/contents/")));
        var head = Assert.Single(github.RequestsTo("GET", github.RepoPath("/branches/main")));
        Assert.True(head.IfNoneMatch && head.NotModified && head.Status == 304);
        Assert.Same(first.Workflow.Analysis, second.Workflow.Analysis);
        Assert.True(second.PostureFlags.Single(f => f.Name == "ENABLE_SCHEDULER").IsEnabled);
    }

    [Fact]
    public async Task A_dry_run_uses_recent_facts_until_the_freshness_window_ends_or_a_webhook_arrives()
    {
        var gatherer = Gatherer();
        await GatherAsync(gatherer, Ask(dryRun: true));
        github.ClearRequestLog();

        await GatherAsync(gatherer, Ask(dryRun: true));
        Assert.Empty(github.Requests);

        github.Control.SetEnvironmentVariable("staging", "ENABLE_SCHEDULER", "true");
        github.Control.SetBranchHead("main", NewHead);
        github.Services.GetRequiredService<CachingRepositoryFacts>().Forget();
        var afterWebhook = await GatherAsync(gatherer, Ask(dryRun: true));
        Assert.Equal(NewHead, afterWebhook.Request.CommitSha);
        Assert.True(afterWebhook.PostureFlags.Single(f => f.Name == "ENABLE_SCHEDULER").IsEnabled);

        github.ClearRequestLog();
        time.Advance(TimeSpan.FromSeconds(6));
        await GatherAsync(gatherer, Ask(dryRun: true));
        Assert.NotEmpty(github.RequestsTo("GET", github.RepoPath("/branches/main")));
        Assert.Empty(github.RequestsTo("GET", github.RepoPath("/contents/")));
    }
}
