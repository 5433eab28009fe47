using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Octokit;

namespace JobSheetQA.Bot.Tests.GitHubSandbox;

public sealed class HttpBehaviourTests
{
    [Fact]
    public async Task Get_has_a_strong_etag_and_a_matching_if_none_match_gets_304_without_spending_the_budget()
    {
        await using var ctx = await SandboxTestContext.StartAsync();
        var path = $"{ctx.RepoPath}/branches/main";

        using var first = await ctx.Http.GetAsync(path);
        var etag = first.Headers.ETag!;
        Assert.False(etag.IsWeak);
        var remainingAfterFirst = Remaining(first);

        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.IfNoneMatch.Add(etag);
        using var second = await ctx.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.NotModified, second.StatusCode);
        Assert.Empty(await second.Content.ReadAsByteArrayAsync());
        Assert.Equal(remainingAfterFirst, Remaining(second));
        Assert.Equal(etag, second.Headers.ETag);

        using var third = await ctx.Http.GetAsync(path);
        Assert.Equal(remainingAfterFirst - 1, Remaining(third));

        var log = ctx.Sandbox.Control.RequestLog;
        Assert.Equal([false, true, false], log.Select(e => e.IfNoneMatch));
        Assert.Equal([false, true, false], log.Select(e => e.NotModified));
        Assert.Equal([200, 304, 200], log.Select(e => e.Status));
    }

    [Fact]
    public async Task Etag_changes_when_the_run_changes()
    {
        await using var ctx = await SandboxTestContext.StartAsync();
        var runId = await ctx.DispatchAsync("staging");
        var path = $"{ctx.RepoPath}/actions/runs/{runId}";
        using var before = await ctx.Http.GetAsync(path);

        ctx.Time.Advance(SandboxTestContext.Tick);
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.IfNoneMatch.Add(before.Headers.ETag!);
        using var after = await ctx.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
        Assert.NotEqual(before.Headers.ETag, after.Headers.ETag);
    }

    [Fact]
    public async Task Every_response_carries_the_rate_limit_headers()
    {
        await using var ctx = await SandboxTestContext.StartAsync(o => o.RateLimit = 50);

        using var ok = await ctx.Http.GetAsync($"{ctx.RepoPath}/actions/secrets");
        using var missing = await ctx.Http.GetAsync($"{ctx.RepoPath}/actions/secrets/NOPE");

        foreach (var response in new[] { ok, missing })
        {
            Assert.Equal("50", Header(response, "x-ratelimit-limit"));
            Assert.Equal("core", Header(response, "x-ratelimit-resource"));
            Assert.True(long.Parse(Header(response, "x-ratelimit-reset"), System.Globalization.CultureInfo.InvariantCulture)
                > ctx.Time.GetUtcNow().ToUnixTimeSeconds());
        }

        Assert.Equal("49", Header(ok, "x-ratelimit-remaining"));
        Assert.Equal("1", Header(ok, "x-ratelimit-used"));
        Assert.Equal("48", Header(missing, "x-ratelimit-remaining"));
    }

    [Fact]
    public async Task Octokit_with_a_response_cache_gets_304s_that_do_not_spend_the_budget()
    {
        await using var ctx = await SandboxTestContext.StartAsync(o => o.RateLimit = 10);
        var client = ctx.OctokitWith(Credentials.Anonymous);
        client.ResponseCache = new InMemoryResponseCache();
        var runId = await ctx.DispatchAsync("staging");
        ctx.Sandbox.Control.ClearRequestLog();

        var first = await client.Actions.Workflows.Runs.Get(SandboxTestContext.Owner, SandboxTestContext.Repo, runId);
        var second = await client.Actions.Workflows.Runs.Get(SandboxTestContext.Owner, SandboxTestContext.Repo, runId);
        ctx.Time.Advance(SandboxTestContext.Tick);
        var third = await client.Actions.Workflows.Runs.Get(SandboxTestContext.Owner, SandboxTestContext.Repo, runId);

        Assert.Equal("queued", first.Status.StringValue);
        Assert.Equal("queued", second.Status.StringValue);
        Assert.Equal("in_progress", third.Status.StringValue);
        var log = ctx.Sandbox.Control.RequestLog;
        Assert.Equal([200, 304, 200], log.Select(e => e.Status));
        Assert.Equal([false, true, true], log.Select(e => e.IfNoneMatch));
        var limits = await ctx.GitHub.RateLimit.GetRateLimits();
        Assert.Equal(10 - 1 - 2, limits.Resources.Core.Remaining); // dispatch + two 200s; the 304 is free
    }

    [Fact]
    public async Task Octokit_reads_the_rate_limit_and_etag_from_the_headers()
    {
        await using var ctx = await SandboxTestContext.StartAsync(o => o.RateLimit = 10);

        await ctx.GitHub.Repository.Branch.Get(SandboxTestContext.Owner, SandboxTestContext.Repo, "main");
        var info = ctx.GitHub.GetLastApiInfo();

        Assert.Equal(10, info.RateLimit.Limit);
        Assert.Equal(9, info.RateLimit.Remaining);
        Assert.False(string.IsNullOrEmpty(info.Etag));
    }

    [Fact]
    public async Task Exhausted_budget_answers_403_until_the_reset_and_rate_limit_endpoint_is_free()
    {
        await using var ctx = await SandboxTestContext.StartAsync(o => o.RateLimit = 2);
        await ctx.GitHub.Repository.Branch.Get(SandboxTestContext.Owner, SandboxTestContext.Repo, "main");
        await ctx.GitHub.Repository.Branch.Get(SandboxTestContext.Owner, SandboxTestContext.Repo, "main");

        var exhausted = await Assert.ThrowsAsync<RateLimitExceededException>(() =>
            ctx.GitHub.Repository.Branch.Get(SandboxTestContext.Owner, SandboxTestContext.Repo, "main"));
        Assert.Equal(0, exhausted.Remaining);
        var limits = await ctx.GitHub.RateLimit.GetRateLimits();
        Assert.Equal(0, limits.Resources.Core.Remaining);

        ctx.Time.Advance(TimeSpan.FromHours(1));
        var branch = await ctx.GitHub.Repository.Branch.Get(SandboxTestContext.Owner, SandboxTestContext.Repo, "main");
        Assert.Equal("main", branch.Name);
    }

    [Fact]
    public async Task With_a_configured_token_requests_need_it_and_the_log_keeps_only_the_scheme()
    {
        const string pat = "github_pat_sandbox_secret_value";
        await using var ctx = await SandboxTestContext.StartAsync(o => o.Tokens = [pat]);

        await Assert.ThrowsAsync<AuthorizationException>(() =>
            ctx.GitHub.Repository.Branch.Get(SandboxTestContext.Owner, SandboxTestContext.Repo, "main"));
        await Assert.ThrowsAsync<AuthorizationException>(() =>
            ctx.OctokitWith(new Credentials("wrong")).Repository.Branch.Get(SandboxTestContext.Owner, SandboxTestContext.Repo, "main"));
        var branch = await ctx.OctokitWith(new Credentials(pat)).Repository.Branch.Get(SandboxTestContext.Owner, SandboxTestContext.Repo, "main");
        using var bearer = new HttpRequestMessage(HttpMethod.Get, $"{ctx.RepoPath}/branches/main");
        bearer.Headers.Authorization = new AuthenticationHeaderValue("Bearer", pat);
        using var bearerResponse = await ctx.Http.SendAsync(bearer);

        Assert.Equal("main", branch.Name);
        Assert.Equal(HttpStatusCode.OK, bearerResponse.StatusCode);
        var log = ctx.Sandbox.Control.RequestLog;
        Assert.Equal([null, "token", "token", "bearer"], log.Select(e => e.AuthScheme));
        Assert.Equal([401, 401, 200, 200], log.Select(e => e.Status));
        Assert.DoesNotContain(pat, JsonSerializer.Serialize(log));
    }

    [Fact]
    public async Task Without_configured_tokens_anything_is_accepted()
    {
        await using var ctx = await SandboxTestContext.StartAsync();

        var branch = await ctx.OctokitWith(new Credentials("anything")).Repository.Branch.Get(SandboxTestContext.Owner, SandboxTestContext.Repo, "main");

        Assert.Equal("main", branch.Name);
    }

    [Fact]
    public async Task Artifact_download_through_octokit_drops_the_token_at_the_redirect()
    {
        const string pat = "ghp_download_test";
        await using var ctx = await SandboxTestContext.StartAsync(o => o.Tokens = [pat]);
        ctx.Sandbox.Control.EnqueueScenario(JobSheetQA.GitHubSandbox.Simulation.Scenario.ParityFails());
        var client = ctx.OctokitWith(new Credentials(pat));
        await client.Actions.Workflows.CreateDispatch(SandboxTestContext.Owner, SandboxTestContext.Repo, "promotion.yml",
            new CreateWorkflowDispatch("main") { Inputs = new Dictionary<string, object> { ["target_environment"] = "staging" } });
        var runId = ctx.Sandbox.Control.ListRuns()[0].Id;
        ctx.Time.Advance(SandboxTestContext.Tick * 20);
        var artifact = (await client.Actions.Artifacts.ListWorkflowArtifacts(SandboxTestContext.Owner, SandboxTestContext.Repo, runId)).Artifacts[0];
        ctx.Sandbox.Control.ClearRequestLog();

        using var zip = await client.Actions.Artifacts.DownloadArtifact(SandboxTestContext.Owner, SandboxTestContext.Repo, artifact.Id, "zip");

        var log = ctx.Sandbox.Control.RequestLog;
        Assert.Equal(2, log.Count);
        Assert.Equal((302, "token"), (log[0].Status, log[0].AuthScheme));
        Assert.StartsWith("/_downloads/", log[1].Path);
        Assert.Equal((200, (string?)null), (log[1].Status, log[1].AuthScheme));
    }

    [Fact]
    public async Task A_request_is_logged_before_its_answer_leaves()
    {
        await using var ctx = await SandboxTestContext.StartAsync();
        // Hold the answer after processing: the log entry must already be there while the caller still waits.
        ctx.Sandbox.Control.AddFault(new JobSheetQA.GitHubSandbox.Control.FaultRule
        {
            Path = "/branches/main$",
            Kind = JobSheetQA.GitHubSandbox.Control.FaultKind.SlowAfterProcessing,
            DelayMs = 1_500,
        });

        var pending = ctx.Http.GetAsync($"{ctx.RepoPath}/branches/main");
        var deadline = DateTime.UtcNow.AddSeconds(1);
        while (ctx.Sandbox.Control.RequestLog.Count == 0 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(20);
        }

        Assert.False(pending.IsCompleted);
        var entry = Assert.Single(ctx.Sandbox.Control.RequestLog);
        using var response = await pending;
        Assert.Equal((int)response.StatusCode, entry.Status);
    }

    private static int Remaining(HttpResponseMessage response) =>
        int.Parse(Header(response, "x-ratelimit-remaining"), System.Globalization.CultureInfo.InvariantCulture);

    private static string Header(HttpResponseMessage response, string name) => response.Headers.GetValues(name).Single();
}
