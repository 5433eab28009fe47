using System.Globalization;
using System.Security.Cryptography;
using JobSheetQA.GitHubSandbox.Control;
using JobSheetQA.GitHubSandbox.State;
using Microsoft.Extensions.Primitives;

namespace JobSheetQA.GitHubSandbox.Http;

/// <summary>
/// What every API request goes through, in GitHub's order: injected faults, authentication, the primary
/// rate limit, then the endpoint; afterwards ETag/304 and the <c>x-ratelimit-*</c> headers, and the request log.
/// </summary>
internal sealed class ApiPipelineMiddleware(RequestDelegate next, SandboxState state)
{
    public const string ApiPrefix = "/api/v3";
    public const string DownloadPrefix = "/_downloads";

    public async Task InvokeAsync(HttpContext context)
    {
        var path = context.Request.Path.Value ?? "";
        var isApi = path.Equals(ApiPrefix, StringComparison.Ordinal) || path.StartsWith(ApiPrefix + "/", StringComparison.Ordinal);
        var isDownload = path.StartsWith(DownloadPrefix + "/", StringComparison.Ordinal);
        if (!isApi && !isDownload)
        {
            await next(context);
            return;
        }

        var request = context.Request;
        var credentials = CallerCredentials.From(request);
        var original = context.Response.Body;
        using var buffer = new MemoryStream();
        context.Response.Body = buffer;
        var outcome = new RequestOutcome(false, null, null);
        try
        {
            outcome = await ProcessAsync(context, path, isDownload, credentials, buffer);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            Record(context, path, credentials, outcome);
            return; // the caller gave up
        }
        catch
        {
            Record(context, path, credentials, outcome with { Status = StatusCodes.Status500InternalServerError });
            throw;
        }
        finally
        {
            context.Response.Body = original;
        }

        // Logged before the answer leaves, so a caller that has its response also finds it in the log.
        Record(context, path, credentials, outcome);
        if (outcome.HoldFor is { } hold)
        {
            try
            {
                await Task.Delay(hold, context.RequestAborted);
            }
            catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
            {
                return; // the caller gave up; the request's effect stands
            }
        }

        if (buffer.Length > 0)
        {
            context.Response.ContentLength = buffer.Length;
            buffer.Position = 0;
            await buffer.CopyToAsync(original, context.RequestAborted);
        }
    }

    private async Task<RequestOutcome> ProcessAsync(HttpContext context, string path, bool isDownload, CallerCredentials? credentials, MemoryStream buffer)
    {
        var request = context.Request;
        var fault = state.TakeFault(request.Method, path);
        if (fault is not null)
        {
            if (fault.DelayMs > 0 && fault.Kind != FaultKind.SlowAfterProcessing)
            {
                // Real time on purpose: a slow answer is for testing the caller's own timeouts.
                await Task.Delay(fault.DelayMs, context.RequestAborted);
            }

            if (fault.Kind is not (FaultKind.Slow or FaultKind.SlowAfterProcessing))
            {
                await WriteFault(context, fault);
                return new RequestOutcome(false, fault.Kind, null);
            }
        }

        var hold = fault is { Kind: FaultKind.SlowAfterProcessing, DelayMs: > 0 } ? TimeSpan.FromMilliseconds(fault.DelayMs) : (TimeSpan?)null;
        if (isDownload)
        {
            await next(context);
            return new RequestOutcome(false, null, hold);
        }

        var rest = path[ApiPrefix.Length..];
        if (state.Options.RequiresAuth && !UsesAppJwt(rest) && !IsAuthorised(credentials))
        {
            WriteRateHeaders(context, spend: false);
            await GitHubResults.Error(401, credentials is null ? "Requires authentication" : "Bad credentials")
                .ExecuteAsync(context);
            return new RequestOutcome(false, null, null);
        }

        var counts = !rest.Equals("/rate_limit", StringComparison.Ordinal);
        bool exhausted;
        lock (state.Sync)
        {
            state.Budget.Roll(state.Time.GetUtcNow());
            exhausted = state.Budget.Remaining == 0;
        }

        if (counts && exhausted)
        {
            WriteRateHeaders(context, spend: false);
            await GitHubResults.Error(403, ExhaustedMessage(),
                "https://docs.github.com/rest/overview/rate-limits-for-the-rest-api#about-rate-limits").ExecuteAsync(context);
            return new RequestOutcome(false, null, null);
        }

        await next(context);

        var response = context.Response;
        var notModified = false;
        if (HttpMethods.IsGet(request.Method) && response.StatusCode is >= 200 and < 300)
        {
            var etag = "\"" + Convert.ToHexStringLower(SHA256.HashData(buffer.ToArray()))[..40] + "\"";
            response.Headers.ETag = etag;
            if (Matches(request.Headers.IfNoneMatch, etag))
            {
                notModified = true;
                response.StatusCode = StatusCodes.Status304NotModified;
                response.ContentLength = null;
                response.Headers.ContentType = StringValues.Empty;
                buffer.SetLength(0);
            }
        }

        // GitHub: an authorised 304 does not count against the primary limit.
        WriteRateHeaders(context, spend: counts && !notModified);
        return new RequestOutcome(notModified, null, hold);
    }

    private void Record(HttpContext context, string path, CallerCredentials? credentials, RequestOutcome outcome)
    {
        var request = context.Request;
        state.Record(new RequestLogEntry(
            state.Time.GetUtcNow(),
            request.Method,
            path + request.QueryString.Value,
            outcome.Status ?? context.Response.StatusCode,
            request.Headers.IfNoneMatch.Count > 0,
            outcome.NotModified,
            credentials?.Scheme,
            request.Headers["X-GitHub-Api-Version"].FirstOrDefault(),
            outcome.Fault));
    }

    /// <summary>Endpoints that authenticate with the App's JWT themselves.</summary>
    private bool UsesAppJwt(string rest) =>
        rest.StartsWith("/app/", StringComparison.Ordinal) || rest.Equals("/app", StringComparison.Ordinal)
        || rest.Equals($"/repos/{state.Options.Owner}/{state.Options.Repo}/installation", StringComparison.OrdinalIgnoreCase);

    private bool IsAuthorised(CallerCredentials? credentials) =>
        credentials is { IsTokenScheme: true } c
        && (state.Options.Tokens.Contains(c.Credential) || state.IsValidInstallationToken(c.Credential));

    private static bool Matches(StringValues ifNoneMatch, string etag)
    {
        foreach (var value in ifNoneMatch)
        {
            foreach (var candidate in (value ?? "").Split(','))
            {
                var tag = candidate.Trim();
                if (tag.StartsWith("W/", StringComparison.Ordinal))
                {
                    tag = tag[2..];
                }

                if (tag == "*" || tag == etag)
                {
                    return true;
                }
            }
        }

        return false;
    }

    private string ExhaustedMessage() =>
        state.Options.App is { } app
            ? $"API rate limit exceeded for installation ID {app.InstallationId}."
            : "API rate limit exceeded for user ID 1001.";

    private void WriteRateHeaders(HttpContext context, bool spend)
    {
        int limit, used, remaining;
        long reset;
        lock (state.Sync)
        {
            var now = state.Time.GetUtcNow();
            state.Budget.Roll(now);
            if (spend)
            {
                state.Budget.Spend();
            }

            limit = state.Budget.Limit;
            used = state.Budget.Used;
            remaining = state.Budget.Remaining;
            reset = state.Budget.ResetEpoch(now);
        }

        SetRateHeaders(context.Response, limit, remaining, used, reset);
    }

    private static void SetRateHeaders(HttpResponse response, int limit, int remaining, int used, long reset)
    {
        response.Headers["x-ratelimit-limit"] = limit.ToString(CultureInfo.InvariantCulture);
        response.Headers["x-ratelimit-remaining"] = remaining.ToString(CultureInfo.InvariantCulture);
        response.Headers["x-ratelimit-used"] = used.ToString(CultureInfo.InvariantCulture);
        response.Headers["x-ratelimit-reset"] = reset.ToString(CultureInfo.InvariantCulture);
        response.Headers["x-ratelimit-resource"] = "core";
    }

    private async Task WriteFault(HttpContext context, FaultRule fault)
    {
        var response = context.Response;
        var retryAfter = fault.RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
        switch (fault.Kind)
        {
            case FaultKind.ServerError:
                WriteRateHeaders(context, spend: false);
                await GitHubResults.Error(500, "Server Error").ExecuteAsync(context);
                break;
            case FaultKind.BadGateway:
                WriteRateHeaders(context, spend: false);
                await GitHubResults.Error(502, "Server Error").ExecuteAsync(context);
                break;
            case FaultKind.SecondaryRateLimit:
                WriteRateHeaders(context, spend: false);
                response.Headers.RetryAfter = retryAfter;
                await GitHubResults.Error(403,
                    "You have exceeded a secondary rate limit. Please wait a few minutes before you try again.",
                    "https://docs.github.com/rest/overview/rate-limits-for-the-rest-api#about-secondary-rate-limits")
                    .ExecuteAsync(context);
                break;
            case FaultKind.TooManyRequests:
                WriteRateHeaders(context, spend: false);
                response.Headers.RetryAfter = retryAfter;
                await GitHubResults.Error(429,
                    "You have exceeded a secondary rate limit. Please wait a few minutes before you try again.",
                    "https://docs.github.com/rest/overview/rate-limits-for-the-rest-api#about-secondary-rate-limits")
                    .ExecuteAsync(context);
                break;
            case FaultKind.Forbidden:
                WriteRateHeaders(context, spend: false);
                await GitHubResults.Error(403, "Resource not accessible by personal access token").ExecuteAsync(context);
                break;
            case FaultKind.NotFound:
                WriteRateHeaders(context, spend: false);
                await GitHubResults.NotFound().ExecuteAsync(context);
                break;
            case FaultKind.RateLimitExhausted:
                int limit;
                lock (state.Sync)
                {
                    limit = state.Budget.Limit;
                }

                var reset = state.Time.GetUtcNow().AddSeconds(fault.RetryAfterSeconds).ToUnixTimeSeconds();
                SetRateHeaders(response, limit, 0, limit, reset);
                await GitHubResults.Error(403, ExhaustedMessage(),
                    "https://docs.github.com/rest/overview/rate-limits-for-the-rest-api#about-rate-limits").ExecuteAsync(context);
                break;
        }
    }
}
