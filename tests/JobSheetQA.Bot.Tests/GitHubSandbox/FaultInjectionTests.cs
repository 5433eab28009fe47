using System.Diagnostics;
using System.Net;
using JobSheetQA.GitHubSandbox.Control;
using Octokit;

namespace JobSheetQA.Bot.Tests.GitHubSandbox;

public sealed class FaultInjectionTests
{
    private const string Owner = SandboxTestContext.Owner;
    private const string Repo = SandboxTestContext.Repo;

    [Fact]
    public async Task Server_error_hits_the_matching_request_once_then_the_api_answers_normally()
    {
        await using var ctx = await SandboxTestContext.StartAsync();
        ctx.Sandbox.Control.AddFault(new FaultRule { Path = "/branches/main$", Kind = FaultKind.ServerError });

        var error = await Assert.ThrowsAsync<ApiException>(() => ctx.GitHub.Repository.Branch.Get(Owner, Repo, "main"));
        var branch = await ctx.GitHub.Repository.Branch.Get(Owner, Repo, "main");

        Assert.Equal(HttpStatusCode.InternalServerError, error.StatusCode);
        Assert.Equal("main", branch.Name);
        Assert.Equal([FaultKind.ServerError, null], ctx.Sandbox.Control.RequestLog.Select(e => e.Fault));
        Assert.Empty(ctx.Sandbox.Control.Faults);
    }

    [Fact]
    public async Task Fault_rules_match_by_method_and_path_with_or_without_the_api_prefix()
    {
        await using var ctx = await SandboxTestContext.StartAsync();
        ctx.Sandbox.Control.AddFault(new FaultRule { Path = "^/api/v3/repos/.*/dispatches$", Method = "POST", Kind = FaultKind.BadGateway, Count = 2 });
        ctx.Sandbox.Control.AddFault(new FaultRule { Path = "^/repos/.*/git/ref", Kind = FaultKind.ServerError, Count = 0 });

        using var get = await ctx.Http.GetAsync($"{ctx.RepoPath}/actions/workflows/promotion.yml");
        using var post1 = await ctx.PostDispatchAsync(new { @ref = "main", inputs = new { target_environment = "staging" } });
        using var post2 = await ctx.PostDispatchAsync(new { @ref = "main", inputs = new { target_environment = "staging" } });
        using var post3 = await ctx.PostDispatchAsync(new { @ref = "main", inputs = new { target_environment = "staging" } });
        using var ref1 = await ctx.Http.GetAsync($"{ctx.RepoPath}/git/ref/heads/main");
        using var ref2 = await ctx.Http.GetAsync($"{ctx.RepoPath}/git/ref/heads/main");

        Assert.Equal(HttpStatusCode.OK, get.StatusCode);
        Assert.Equal([HttpStatusCode.BadGateway, HttpStatusCode.BadGateway, HttpStatusCode.NoContent],
            new[] { post1.StatusCode, post2.StatusCode, post3.StatusCode });
        Assert.Single(ctx.Sandbox.Control.ListRuns()); // a faulted dispatch creates no run
        Assert.Equal(HttpStatusCode.InternalServerError, ref1.StatusCode);
        Assert.Equal(HttpStatusCode.InternalServerError, ref2.StatusCode); // count 0: every time
        Assert.Single(ctx.Sandbox.Control.Faults);
    }

    [Fact]
    public async Task Secondary_rate_limit_is_a_403_with_retry_after_that_octokit_recognises()
    {
        await using var ctx = await SandboxTestContext.StartAsync();
        ctx.Sandbox.Control.AddFault(new FaultRule { Path = "/actions/runs/\\d+$", Kind = FaultKind.SecondaryRateLimit, RetryAfterSeconds = 30 });
        var runId = await ctx.DispatchAsync("staging");

        var error = await Assert.ThrowsAsync<SecondaryRateLimitExceededException>(() => ctx.GitHub.Actions.Workflows.Runs.Get(Owner, Repo, runId));

        Assert.Equal(HttpStatusCode.Forbidden, error.StatusCode);
        Assert.Equal("30", error.HttpResponse.Headers["Retry-After"]);
    }

    [Fact]
    public async Task Too_many_requests_is_a_429_with_retry_after()
    {
        await using var ctx = await SandboxTestContext.StartAsync();
        ctx.Sandbox.Control.AddFault(new FaultRule { Path = "/actions/secrets", Kind = FaultKind.TooManyRequests, RetryAfterSeconds = 7 });

        using var response = await ctx.Http.GetAsync($"{ctx.RepoPath}/actions/secrets");

        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(7), response.Headers.RetryAfter!.Delta);
        var error = await Assert.ThrowsAsync<ApiException>(async () =>
        {
            ctx.Sandbox.Control.AddFault(new FaultRule { Path = "/actions/secrets", Kind = FaultKind.TooManyRequests });
            await ctx.GitHub.Repository.Actions.Secrets.GetAll(Owner, Repo);
        });
        Assert.Equal((HttpStatusCode)429, error.StatusCode);
    }

    [Fact]
    public async Task Primary_limit_exhausted_fault_carries_remaining_zero_and_the_reset()
    {
        await using var ctx = await SandboxTestContext.StartAsync();
        ctx.Sandbox.Control.AddFault(new FaultRule { Path = "/branches/", Kind = FaultKind.RateLimitExhausted, RetryAfterSeconds = 600 });

        var error = await Assert.ThrowsAsync<RateLimitExceededException>(() => ctx.GitHub.Repository.Branch.Get(Owner, Repo, "main"));

        Assert.Equal(0, error.Remaining);
        Assert.Equal(ctx.Time.GetUtcNow().AddSeconds(600).ToUnixTimeSeconds(), error.Reset.ToUnixTimeSeconds());
    }

    [Fact]
    public async Task Slow_fault_delays_a_normal_answer()
    {
        await using var ctx = await SandboxTestContext.StartAsync();
        ctx.Sandbox.Control.AddFault(new FaultRule { Path = "/branches/main", Kind = FaultKind.Slow, DelayMs = 300 });

        var watch = Stopwatch.StartNew();
        var branch = await ctx.GitHub.Repository.Branch.Get(Owner, Repo, "main");

        Assert.True(watch.ElapsedMilliseconds >= 280, $"answered after {watch.ElapsedMilliseconds} ms");
        Assert.Equal("main", branch.Name);
    }

    [Fact]
    public async Task Control_paths_are_never_faulted()
    {
        await using var ctx = await SandboxTestContext.StartAsync();
        ctx.Sandbox.Control.AddFault(new FaultRule { Path = ".*", Kind = FaultKind.ServerError, Count = 0 });

        using var control = ctx.ControlClient();
        using var runs = await control.GetAsync("runs");
        using var api = await ctx.Http.GetAsync("rate_limit");

        Assert.Equal(HttpStatusCode.OK, runs.StatusCode);
        Assert.Equal(HttpStatusCode.InternalServerError, api.StatusCode);
    }
}
