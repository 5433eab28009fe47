using System.Globalization;
using System.Net;
using JobSheetQA.Bot.GitHub.Auth;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Octokit;

namespace JobSheetQA.Bot.GitHub.Client;

/// <summary>Runs Octokit calls with the gateway's fault policy and turns failures into <see cref="GitHubError"/>s:
/// waits for primary limits (until <c>x-ratelimit-reset</c>) and secondary limits / 429 (<c>Retry-After</c>, else ≥ 60 s)
/// up to <see cref="GitHubOptions.MaxRateLimitWait"/>; retries 5xx, timeouts and network errors of idempotent calls with
/// exponential backoff and jitter; never retries another 4xx
/// (https://docs.github.com/en/rest/using-the-rest-api/rate-limits-for-the-rest-api,
/// https://docs.github.com/en/rest/using-the-rest-api/best-practices-for-using-the-rest-api).</summary>
internal sealed class GitHubApiExecutor
{
    private readonly IGitHubClientFactory clients;
    private readonly ICredentialStore credentials;
    private readonly IGitHubTargetAccessor target;
    private readonly IGitHubDelayer delayer;
    private readonly TimeProvider timeProvider;
    private readonly GitHubOptions options;
    private readonly ILogger logger;
    private readonly Lazy<IGitHubClient> client;

    public GitHubApiExecutor(
        IGitHubClientFactory clients,
        ICredentialStore credentials,
        IGitHubTargetAccessor target,
        IGitHubDelayer delayer,
        TimeProvider timeProvider,
        IOptions<GitHubOptions> options,
        ILogger<GitHubApiExecutor> logger)
    {
        this.clients = clients;
        this.credentials = credentials;
        this.target = target;
        this.delayer = delayer;
        this.timeProvider = timeProvider;
        this.options = options.Value;
        this.logger = logger;
        // PublicationOnly: a call made before the sandbox has bound its port must not poison the client for good.
        client = new Lazy<IGitHubClient>(() => this.clients.Create(this.credentials, conditionalRequests: true), LazyThreadSafetyMode.PublicationOnly);
    }

    public GitHubTarget Target => target.Target;

    public GitHubOptions Options => options;

    public async Task<GitHubResult<T>> RunAsync<T>(GitHubOperation operation, Func<IGitHubClient, CancellationToken, Task<T>> call, CancellationToken cancellationToken)
    {
        var client = this.client.Value;
        var secondaryHits = 0;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return GitHubResult<T>.Success(await call(client, cancellationToken));
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                throw;
            }
            catch (Exception ex) when (IsGitHubFailure(ex))
            {
                var (retryAfter, error, limit) = Judge(operation, ex, attempt, ref secondaryHits);
                if (retryAfter is { } delay)
                {
                    if (limit is not null)
                    {
                        GitHubLog.WaitingForRateLimit(logger, operation.Name, limit, (long)delay.TotalMilliseconds, attempt + 1);
                    }
                    else
                    {
                        GitHubLog.RetryingTransient(logger, operation.Name, error.Message, attempt, (long)delay.TotalMilliseconds);
                    }

                    await delayer.DelayAsync(delay, cancellationToken);
                    continue;
                }

                GitHubLog.CallFailed(logger, operation.Name, error.Kind, error.StatusCode, error.Message);
                return error;
            }
        }
    }

    /// <summary>Null when <paramref name="value"/> is a ref git would accept; otherwise the refusal, logged, and no request
    /// is to be sent (<see cref="GitHubPaths.RefProblem"/>).</summary>
    public GitHubError? RefuseRef(GitHubOperation operation, string what, string value) =>
        GitHubPaths.RefProblem(value) is { } problem ? Refuse(operation, $"{what} '{GitHubPaths.Printable(value)}' is not a valid git ref name ({problem})") : null;

    /// <summary>Null when <paramref name="value"/> can be one path segment (<see cref="GitHubPaths.SegmentProblem"/>); otherwise the refusal.</summary>
    public GitHubError? RefuseSegment(GitHubOperation operation, string what, string value) =>
        GitHubPaths.SegmentProblem(value) is { } problem ? Refuse(operation, $"{what} '{GitHubPaths.Printable(value)}' cannot be sent to GitHub ({problem})") : null;

    /// <summary>Null when the environment and every name can each be one path segment; otherwise the first refusal.</summary>
    public GitHubError? RefuseNames(GitHubOperation operation, string environment, IEnumerable<string> names)
    {
        var refused = RefuseSegment(operation, "The environment name", environment);
        foreach (var name in names)
            refused ??= RefuseSegment(operation, "The name", name);
        return refused;
    }

    /// <summary>Null when <paramref name="path"/> is a relative repository file path (<see cref="GitHubPaths.FilePathProblem"/>); otherwise the refusal.</summary>
    public GitHubError? RefuseFilePath(GitHubOperation operation, string path) =>
        GitHubPaths.FilePathProblem(path) is { } problem ? Refuse(operation, $"The file path '{GitHubPaths.Printable(path)}' cannot be sent to GitHub ({problem})") : null;

    private GitHubError Refuse(GitHubOperation operation, string reason)
    {
        GitHubLog.RequestRefused(logger, operation.Name, reason);
        return new GitHubError(GitHubErrorKind.Validation, $"{reason}; nothing was sent to GitHub.");
    }

    private static bool IsGitHubFailure(Exception ex) =>
        ex is ApiException or HttpRequestException or OperationCanceledException or TimeoutException or GitHubCredentialException;

    private (TimeSpan? RetryAfter, GitHubError Error, string? Limit) Judge(GitHubOperation operation, Exception ex, int attempt, ref int secondaryHits)
    {
        var canTryAgain = attempt < options.MaxAttempts;
        var repo = Target.FullName;

        if (ex is GitHubCredentialException credential)
        {
            return (null, new GitHubError(GitHubErrorKind.Unauthorized, credential.Message, 401), null);
        }

        var now = timeProvider.GetUtcNow();
        if (ex is ApiException api && RateLimitOf(api, now, ref secondaryHits) is { } limit)
        {
            var wait = limit.Until - now;
            if (wait < TimeSpan.Zero)
            {
                wait = TimeSpan.Zero;
            }

            if (canTryAgain && wait <= options.MaxRateLimitWait)
            {
                return (wait, new GitHubError(GitHubErrorKind.RateLimited, "rate limited", (int)api.StatusCode, limit.Until), limit.Kind);
            }

            var at = limit.Until.ToUniversalTime().ToString("HH:mm", CultureInfo.InvariantCulture);
            return (null, new GitHubError(GitHubErrorKind.RateLimited, $"GitHub rate limit reached; retry after {at} UTC", (int)api.StatusCode, limit.Until), null);
        }

        if (IsTransient(ex, out var transient))
        {
            if (operation.Idempotent && canTryAgain)
            {
                return (Backoff(attempt), transient, null);
            }

            return (null, transient with { Message = $"{transient.Message} (tried {attempt} time{(attempt == 1 ? "" : "s")})" }, null);
        }

        if (ex is not ApiException apiError)
        {
            return (null, new GitHubError(GitHubErrorKind.Unexpected, $"Could not {operation.Action}: {ex.Message}"), null);
        }

        var status = (int)apiError.StatusCode;
        var detail = Detail(apiError);
        var error = apiError switch
        {
            AuthorizationException => new GitHubError(GitHubErrorKind.Unauthorized,
                $"GitHub rejected the credentials (401) while trying to {operation.Action}; check GitHub:Token or GitHub:App:*", status),
            ForbiddenException => new GitHubError(GitHubErrorKind.Forbidden,
                $"token lacks {operation.Permission} on {repo} (GitHub refused to {operation.Action}{detail})", status),
            NotFoundException => new GitHubError(GitHubErrorKind.NotFound,
                $"Not found on {repo}: could not {operation.Action}", status),
            ApiValidationException => new GitHubError(GitHubErrorKind.Validation,
                $"GitHub rejected the request to {operation.Action}{detail}", status),
            _ => status switch
            {
                400 => new GitHubError(GitHubErrorKind.Validation, $"GitHub rejected the request to {operation.Action} (HTTP 400{detail})", status),
                409 => new GitHubError(GitHubErrorKind.Conflict, $"GitHub could not {operation.Action}: conflict{detail}", status),
                410 => new GitHubError(GitHubErrorKind.Gone, $"Gone on {repo}: could not {operation.Action}{detail}", status),
                _ => new GitHubError(GitHubErrorKind.Unexpected, $"GitHub answered HTTP {status} to the request to {operation.Action}{detail}", status),
            },
        };
        return (null, error, null);
    }

    private bool IsTransient(Exception ex, out GitHubError error)
    {
        var host = Target.BaseAddress.Host;
        switch (ex)
        {
            case ApiException api when (int)api.StatusCode >= 500:
                error = new GitHubError(GitHubErrorKind.Unavailable, $"GitHub is unavailable (HTTP {(int)api.StatusCode})", (int)api.StatusCode);
                return true;
            case OperationCanceledException or TimeoutException:
                error = new GitHubError(GitHubErrorKind.Timeout,
                    $"GitHub did not answer within {options.RequestTimeout.TotalSeconds.ToString(CultureInfo.InvariantCulture)} s");
                return true;
            case HttpRequestException http:
                error = new GitHubError(GitHubErrorKind.Unavailable, $"GitHub at {host} could not be reached ({http.Message})");
                return true;
            default:
                error = null!;
                return false;
        }
    }

    private TimeSpan Backoff(int attempt)
    {
        var exponential = options.RetryBaseDelay.TotalMilliseconds * Math.Pow(2, attempt - 1);
        var capped = Math.Min(exponential, options.RetryMaxDelay.TotalMilliseconds);
        // "Equal jitter": half fixed, half random, so concurrent retries spread out but still back off.
        var jittered = (capped / 2) + (Random.Shared.NextDouble() * capped / 2);
        return TimeSpan.FromMilliseconds(jittered);
    }

    private (DateTimeOffset Until, string Kind)? RateLimitOf(ApiException ex, DateTimeOffset now, ref int secondaryHits)
    {
        switch (ex)
        {
            case RateLimitExceededException primary:
                return (primary.Reset.AddSeconds(1), "primary");
            case SecondaryRateLimitExceededException:
                secondaryHits++;
                return (now + (RetryAfterOf(ex.HttpResponse, now) ?? SecondaryFallback(secondaryHits)), "secondary");
            case AbuseException abuse:
                secondaryHits++;
                return (now + (abuse.RetryAfterSeconds is { } s ? TimeSpan.FromSeconds(s) : SecondaryFallback(secondaryHits)), "secondary");
        }

        var status = (int)ex.StatusCode;
        if (status is not (403 or 429))
        {
            return null;
        }

        if (RetryAfterOf(ex.HttpResponse, now) is { } retryAfter)
        {
            secondaryHits++;
            return (now + retryAfter, "secondary");
        }

        if (Header(ex.HttpResponse, "x-ratelimit-remaining") == "0"
            && long.TryParse(Header(ex.HttpResponse, "x-ratelimit-reset"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var reset))
        {
            return (DateTimeOffset.FromUnixTimeSeconds(reset).AddSeconds(1), "primary");
        }

        if (status == 429)
        {
            secondaryHits++;
            return (now + SecondaryFallback(secondaryHits), "secondary");
        }

        return null;
    }

    /// <summary>GitHub: with no retry-after, wait at least a minute, and longer if it keeps happening.</summary>
    private TimeSpan SecondaryFallback(int hits) =>
        TimeSpan.FromTicks(options.SecondaryRateLimitBackoff.Ticks * (1L << Math.Min(hits - 1, 4)));

    private static TimeSpan? RetryAfterOf(IResponse? response, DateTimeOffset now)
    {
        var value = Header(response, "Retry-After");
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        if (int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var seconds))
        {
            return TimeSpan.FromSeconds(Math.Max(0, seconds));
        }

        return DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at)
            ? (at > now ? at - now : TimeSpan.Zero)
            : null;
    }

    private static string? Header(IResponse? response, string name) =>
        response?.Headers?.FirstOrDefault(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase)).Value;

    private static string Detail(ApiException ex)
    {
        var message = ex.ApiError?.Message;
        var errors = ex.ApiError?.Errors?.Select(e => e.Message).Where(m => !string.IsNullOrWhiteSpace(m)).ToList();
        if (errors is { Count: > 0 })
        {
            message = string.IsNullOrWhiteSpace(message) ? string.Join("; ", errors) : $"{message}: {string.Join("; ", errors)}";
        }

        if (string.IsNullOrWhiteSpace(message) && ex.StatusCode == HttpStatusCode.Gone)
        {
            return string.Empty;
        }

        return string.IsNullOrWhiteSpace(message) ? string.Empty : $": {message}";
    }
}
