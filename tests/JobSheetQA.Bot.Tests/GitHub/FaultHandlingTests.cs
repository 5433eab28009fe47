using System.Text.RegularExpressions;
using JobSheetQA.Bot.GitHub;
using JobSheetQA.GitHubSandbox.Control;

namespace JobSheetQA.Bot.Tests.GitHub;

public sealed partial class FaultHandlingTests
{
    private const string RunPath = @"/actions/runs/\d+$";

    private static async Task<(GatewayHarness H, long RunId)> WithCompletedRun(Action<Dictionary<string, string?>>? settings = null)
    {
        var h = await GatewayHarness.StartAsync(settings: settings);
        var dispatched = await h.Dispatcher.DispatchAsync(new PromotionDispatch("p-1", "staging", "main", false, false, null));
        Assert.True(dispatched.Succeeded, dispatched.Error?.Message);
        await h.WaitForCompletionAsync(dispatched.Value.RunId);
        h.ClearRequestLog();
        return (h, dispatched.Value.RunId);
    }

    // The run was polled to completion first, so a successful retry is a conditional GET answered 304 from the cache.
    private static IReadOnlyList<RequestLogEntry> RunGets(GatewayHarness h, long runId) =>
        h.Requests.Where(r => r.Method == "GET" && r.Path.EndsWith($"/actions/runs/{runId}", StringComparison.Ordinal)).ToList();

    [Fact]
    public async Task Repeated_polls_send_the_etag_and_are_served_from_cache_on_304()
    {
        var (h, runId) = await WithCompletedRun();
        await using var _ = h;
        await h.Tracker.GetRunAsync(runId);
        h.ClearRequestLog();

        var polls = new List<WorkflowRunSnapshot>();
        for (var i = 0; i < 4; i++)
        {
            polls.Add((await h.Tracker.GetRunAsync(runId)).Value);
            await h.Tracker.ListJobsAsync(runId);
        }

        var gets = RunGets(h, runId);
        Assert.Equal(4, gets.Count);
        Assert.All(gets, r => Assert.True(r.IfNoneMatch && r.NotModified && r.Status == 304));
        Assert.All(polls, p => Assert.Equal(polls[0], p));
        var jobs = h.Requests.Where(r => r.Path.Contains($"/actions/runs/{runId}/jobs", StringComparison.Ordinal)).ToList();
        Assert.Equal(4, jobs.Count);
        Assert.Equal(3, jobs.Count(r => r.NotModified));
    }

    [Fact]
    public async Task A_500_is_retried_with_backoff_and_then_succeeds()
    {
        var (h, runId) = await WithCompletedRun();
        await using var _ = h;
        h.Control.AddFault(new FaultRule { Path = RunPath, Method = "GET", Kind = FaultKind.ServerError });

        var run = await h.Tracker.GetRunAsync(runId);

        Assert.True(run.Succeeded, run.Error?.Message);
        Assert.Equal([500, 304], RunGets(h, runId).Select(r => r.Status));
        var delay = Assert.Single(h.Delays.Delays);
        Assert.InRange(delay, TimeSpan.FromSeconds(0.5), TimeSpan.FromSeconds(1));
    }

    [Fact]
    public async Task Persistent_5xx_gives_up_after_the_configured_attempts_with_growing_delays()
    {
        var (h, runId) = await WithCompletedRun(s => s["GitHub:MaxAttempts"] = "4");
        await using var _ = h;
        h.Control.AddFault(new FaultRule { Path = RunPath, Method = "GET", Kind = FaultKind.BadGateway, Count = 0 });

        var run = await h.Tracker.GetRunAsync(runId);

        Assert.Equal(GitHubErrorKind.Unavailable, run.Error?.Kind);
        Assert.Contains("HTTP 502", run.Error!.Message);
        Assert.Equal(4, RunGets(h, runId).Count);
        var delays = h.Delays.Delays;
        Assert.Equal(3, delays.Count);
        Assert.InRange(delays[0], TimeSpan.FromSeconds(0.5), TimeSpan.FromSeconds(1));
        Assert.InRange(delays[1], TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2));
        Assert.InRange(delays[2], TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(4));
    }

    [Fact]
    public async Task Client_errors_are_never_retried()
    {
        var (h, runId) = await WithCompletedRun();
        await using var _ = h;
        h.Control.AddFault(new FaultRule { Path = RunPath, Method = "GET", Kind = FaultKind.Forbidden });

        var forbidden = await h.Tracker.GetRunAsync(runId);
        var missing = await h.Tracker.GetRunAsync(424242);

        Assert.Equal(GitHubErrorKind.Forbidden, forbidden.Error?.Kind);
        Assert.StartsWith($"token lacks Actions: read on {h.Owner}/{h.Repo}", forbidden.Error!.Message);
        Assert.Equal(GitHubErrorKind.NotFound, missing.Error?.Kind);
        Assert.Single(RunGets(h, runId));
        Assert.Single(RunGets(h, 424242));
        Assert.Empty(h.Delays.Delays);
    }

    [Fact]
    public async Task A_secondary_rate_limit_waits_for_retry_after_then_retries()
    {
        var (h, runId) = await WithCompletedRun();
        await using var _ = h;
        h.Control.AddFault(new FaultRule { Path = RunPath, Method = "GET", Kind = FaultKind.SecondaryRateLimit, RetryAfterSeconds = 30 });

        var run = await h.Tracker.GetRunAsync(runId);

        Assert.True(run.Succeeded, run.Error?.Message);
        Assert.Equal([403, 304], RunGets(h, runId).Select(r => r.Status));
        Assert.Equal(TimeSpan.FromSeconds(30), Assert.Single(h.Delays.Delays));
    }

    [Fact]
    public async Task A_429_waits_for_retry_after_then_retries()
    {
        var (h, runId) = await WithCompletedRun();
        await using var _ = h;
        h.Control.AddFault(new FaultRule { Path = RunPath, Method = "GET", Kind = FaultKind.TooManyRequests, RetryAfterSeconds = 7 });

        var run = await h.Tracker.GetRunAsync(runId);

        Assert.True(run.Succeeded, run.Error?.Message);
        Assert.Equal([429, 304], RunGets(h, runId).Select(r => r.Status));
        Assert.Equal(TimeSpan.FromSeconds(7), Assert.Single(h.Delays.Delays));
    }

    [Fact]
    public async Task A_secondary_limit_longer_than_the_maximum_wait_is_a_rate_limited_result()
    {
        var (h, runId) = await WithCompletedRun(s => s["GitHub:MaxRateLimitWait"] = "00:02:00");
        await using var _ = h;
        h.Control.AddFault(new FaultRule { Path = RunPath, Method = "GET", Kind = FaultKind.SecondaryRateLimit, RetryAfterSeconds = 600 });

        var run = await h.Tracker.GetRunAsync(runId);

        Assert.Equal(GitHubErrorKind.RateLimited, run.Error?.Kind);
        Assert.Matches(RetryAfterMessage(), run.Error!.Message);
        Assert.Single(RunGets(h, runId));
        Assert.Empty(h.Delays.Delays);
    }

    [Fact]
    public async Task An_exhausted_primary_limit_beyond_the_maximum_wait_says_when_to_retry()
    {
        var (h, runId) = await WithCompletedRun();
        await using var _ = h;
        h.Control.AddFault(new FaultRule { Path = RunPath, Method = "GET", Kind = FaultKind.RateLimitExhausted, RetryAfterSeconds = 3600 });

        var run = await h.Tracker.GetRunAsync(runId);

        Assert.Equal(GitHubErrorKind.RateLimited, run.Error?.Kind);
        var expected = run.Error!.RetryAfter!.Value;
        Assert.InRange(expected, DateTimeOffset.UtcNow.AddMinutes(59), DateTimeOffset.UtcNow.AddMinutes(61));
        Assert.Equal($"GitHub rate limit reached; retry after {expected.UtcDateTime:HH:mm} UTC", run.Error.Message);
        Assert.Single(RunGets(h, runId));
    }

    [Fact]
    public async Task An_exhausted_primary_limit_that_resets_soon_is_waited_for()
    {
        var (h, runId) = await WithCompletedRun();
        await using var _ = h;
        h.Control.AddFault(new FaultRule { Path = RunPath, Method = "GET", Kind = FaultKind.RateLimitExhausted, RetryAfterSeconds = 60 });

        var run = await h.Tracker.GetRunAsync(runId);

        Assert.True(run.Succeeded, run.Error?.Message);
        Assert.Equal([403, 304], RunGets(h, runId).Select(r => r.Status));
        Assert.InRange(Assert.Single(h.Delays.Delays), TimeSpan.FromSeconds(55), TimeSpan.FromSeconds(62));
    }

    [Fact]
    public async Task A_read_that_times_out_is_retried()
    {
        var (h, runId) = await WithCompletedRun(s => s["GitHub:RequestTimeout"] = "00:00:01");
        await using var _ = h;
        h.Control.AddFault(new FaultRule { Path = RunPath, Method = "GET", Kind = FaultKind.Slow, DelayMs = 3000 });

        var run = await h.Tracker.GetRunAsync(runId);

        Assert.True(run.Succeeded, run.Error?.Message);
        Assert.Single(h.Delays.Delays);
        Assert.Contains(h.Logs.Lines, l => l.Contains("did not answer within 1 s", StringComparison.Ordinal));
    }

    [GeneratedRegex(@"^GitHub rate limit reached; retry after \d\d:\d\d UTC$")]
    private static partial Regex RetryAfterMessage();
}
