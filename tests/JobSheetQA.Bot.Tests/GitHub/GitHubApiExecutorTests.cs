using System.Net;
using JobSheetQA.Bot.GitHub;
using JobSheetQA.Bot.GitHub.Client;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using NSubstitute;
using Octokit;
using Octokit.Internal;

namespace JobSheetQA.Bot.Tests.GitHub;

/// <summary>The fault policy on its own, with Octokit's exceptions built from responses GitHub could send.</summary>
public sealed class GitHubApiExecutorTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 10, 0, 0, TimeSpan.Zero);

    private static (GitHubApiExecutor Executor, RecordingDelayer Delays) Create(GitHubOptions? options = null)
    {
        var factory = Substitute.For<IGitHubClientFactory>();
        factory.Create(Arg.Any<ICredentialStore>(), Arg.Any<bool>()).Returns(Substitute.For<IGitHubClient>());
        var delays = new RecordingDelayer();
        var executor = new GitHubApiExecutor(
            factory,
            new InMemoryCredentialStore(Credentials.Anonymous),
            new GitHubTargetAccessor(new GitHubTarget(new Uri("https://api.github.com/"), "o", "r", "promotion.yml")),
            delays,
            new FakeTimeProvider(Now),
            Options.Create(options ?? new GitHubOptions()),
            NullLogger<GitHubApiExecutor>.Instance);
        return (executor, delays);
    }

    private static IResponse Response(HttpStatusCode status, string message, params (string Name, string Value)[] headers)
    {
        var response = Substitute.For<IResponse>();
        response.StatusCode.Returns(status);
        response.Body.Returns($$"""{"message":"{{message}}"}""");
        response.ContentType.Returns("application/json");
        response.Headers.Returns(headers.ToDictionary(h => h.Name, h => h.Value));
        return response;
    }

    private static GitHubOperation Read => new("test.read", "read something", "Actions: read");

    /// <summary>A call that throws the given exceptions in turn, then answers 42.</summary>
    private static Func<IGitHubClient, CancellationToken, Task<int>> Failing(List<int> calls, params Exception[] failures) => (_, _) =>
    {
        calls.Add(calls.Count);
        return calls.Count <= failures.Length ? Task.FromException<int>(failures[calls.Count - 1]) : Task.FromResult(42);
    };

    [Fact]
    public async Task A_secondary_limit_without_retry_after_waits_a_minute_then_doubles()
    {
        var (executor, delays) = Create(new GitHubOptions { MaxRateLimitWait = TimeSpan.FromMinutes(5) });
        var calls = new List<int>();

        var result = await executor.RunAsync(Read, Failing(calls,
            new SecondaryRateLimitExceededException(Response(HttpStatusCode.Forbidden, "You have exceeded a secondary rate limit")),
            new SecondaryRateLimitExceededException(Response(HttpStatusCode.Forbidden, "You have exceeded a secondary rate limit"))), CancellationToken.None);

        Assert.Equal(42, result.Value);
        Assert.Equal([TimeSpan.FromSeconds(60), TimeSpan.FromSeconds(120)], delays.Delays);
    }

    [Fact]
    public async Task A_429_with_an_exhausted_budget_waits_until_the_reset()
    {
        var (executor, delays) = Create();
        var calls = new List<int>();
        var reset = Now.AddSeconds(45).ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);

        var result = await executor.RunAsync(Read, Failing(calls,
            new ApiException(Response((HttpStatusCode)429, "API rate limit exceeded", ("x-ratelimit-remaining", "0"), ("x-ratelimit-reset", reset)))),
            CancellationToken.None);

        Assert.Equal(42, result.Value);
        Assert.Equal(TimeSpan.FromSeconds(46), Assert.Single(delays.Delays));
    }

    [Fact]
    public async Task Network_errors_are_retried_for_reads_but_a_non_idempotent_call_is_tried_once()
    {
        var (executor, delays) = Create();
        var readCalls = new List<int>();
        var postCalls = new List<int>();

        var read = await executor.RunAsync(Read, Failing(readCalls, new HttpRequestException("Connection refused")), CancellationToken.None);
        var post = await executor.RunAsync(Read with { Idempotent = false }, Failing(postCalls, new HttpRequestException("Connection reset")), CancellationToken.None);

        Assert.Equal(42, read.Value);
        Assert.Equal(2, readCalls.Count);
        Assert.Equal(GitHubErrorKind.Unavailable, post.Error?.Kind);
        Assert.Contains("Connection reset", post.Error!.Message);
        Assert.Single(postCalls);
        Assert.Single(delays.Delays);
    }

    [Fact]
    public async Task Caller_cancellation_is_not_turned_into_a_timeout()
    {
        var (executor, _) = Create();
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            executor.RunAsync<int>(Read, (_, ct) => Task.FromCanceled<int>(ct), cancelled.Token));
    }

    [Fact]
    public async Task A_409_is_a_conflict_and_a_410_is_gone_without_retries()
    {
        var (executor, delays) = Create();

        var conflict = await executor.RunAsync(Read, Failing([], new ApiException(Response(HttpStatusCode.Conflict, "Cannot cancel a workflow run that is completed."))), CancellationToken.None);
        var gone = await executor.RunAsync(Read, Failing([], new ApiException(Response(HttpStatusCode.Gone, "Artifact has expired"))), CancellationToken.None);

        Assert.Equal(GitHubErrorKind.Conflict, conflict.Error?.Kind);
        Assert.Equal(GitHubErrorKind.Gone, gone.Error?.Kind);
        Assert.Empty(delays.Delays);
    }
}
