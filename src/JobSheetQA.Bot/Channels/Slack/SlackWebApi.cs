using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;

namespace JobSheetQA.Bot.Channels.Slack;

/// <summary>
/// The Slack Web API over plain HTTPS + JSON (https://api.slack.com/web): <c>POST {Slack:ApiBaseUrl}{method}</c> with a
/// bearer token. Slack reports errors as HTTP 200 with <c>ok:false</c>; those are logged and returned, never retried here.
/// HTTP 429 waits for <c>Retry-After</c> (https://api.slack.com/apis/rate-limits); 5xx and network failures back off and retry; other 4xx are final.
/// </summary>
public sealed class SlackWebApi(IHttpClientFactory clients, IOptions<SlackOptions> options, TimeProvider time, ILogger<SlackWebApi> logger)
{
    /// <summary>The named <see cref="HttpClient"/> the calls go through (its timeout is <c>Slack:RequestTimeout</c>).</summary>
    public const string HttpClientName = "slack";

    private static readonly MediaTypeHeaderValue Json = new("application/json") { CharSet = "utf-8" };

    /// <summary>Calls <paramref name="method"/> (e.g. <c>chat.postMessage</c>) with the bot token.</summary>
    public Task<SlackApiResult> CallAsync(string method, JsonObject body, CancellationToken cancellationToken) =>
        CallAsync(method, body, options.Value.BotToken!, cancellationToken);

    /// <summary>Calls <paramref name="method"/> with another token (the app-level token for <c>apps.connections.open</c>).</summary>
    public Task<SlackApiResult> CallAsync(string method, JsonObject body, string token, CancellationToken cancellationToken) =>
        SendAsync(method, new Uri(options.Value.ApiBaseUrl, method), body, token, cancellationToken);

    /// <summary>
    /// Posts to a request's <c>response_url</c> (no token: the URL itself is the credential, so it is not logged). One not
    /// under <c>Slack:ResponseUrlRoots</c> is not contacted (the parsers refuse such requests already; this is the last line).
    /// </summary>
    public Task<SlackApiResult> RespondAsync(Uri responseUrl, JsonObject body, CancellationToken cancellationToken) =>
        SlackResponseUrls.From(options.Value).Allows(responseUrl)
            ? SendAsync("response_url", responseUrl, body, token: null, cancellationToken)
            : Task.FromResult(Failed("response_url", "response_url is not a Slack address", permanent: true));

    private async Task<SlackApiResult> SendAsync(string method, Uri url, JsonObject body, string? token, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var payload = Encoding.UTF8.GetBytes(body.ToJsonString());
        var http = clients.CreateClient(HttpClientName);
        for (var attempt = 1; ; attempt++)
        {
            string reason;
            TimeSpan delay;
            try
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new ByteArrayContent(payload) };
                request.Content.Headers.ContentType = Json;
                if (token is not null)
                    request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);

                using var response = await http.SendAsync(request, cancellationToken);
                if (response.StatusCode == HttpStatusCode.TooManyRequests)
                {
                    delay = RetryAfter(response) ?? TimeSpan.FromSeconds(1);
                    if (attempt >= settings.MaxAttempts || delay > settings.MaxRetryAfter)
                        return Failed(method, "ratelimited", permanent: false);
                    SlackLog.RateLimited(logger, method, (long)delay.TotalMilliseconds, attempt + 1);
                    await Task.Delay(delay, time, cancellationToken);
                    continue;
                }

                var text = await response.Content.ReadAsStringAsync(cancellationToken);
                if ((int)response.StatusCode >= 500)
                {
                    reason = $"HTTP {(int)response.StatusCode}";
                }
                else if (!response.IsSuccessStatusCode)
                {
                    return Failed(method, ErrorCode(text) ?? $"http_{(int)response.StatusCode}", permanent: true);
                }
                else
                {
                    return Interpret(method, text);
                }
            }
            catch (HttpRequestException exception)
            {
                reason = exception.HttpRequestError.ToString();
            }
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                reason = "timeout";
            }

            if (attempt >= settings.MaxAttempts)
                return Failed(method, reason, permanent: false);
            delay = settings.RetryBaseDelay * Math.Pow(2, attempt - 1);
            SlackLog.Retrying(logger, method, reason, attempt, (long)delay.TotalMilliseconds);
            await Task.Delay(delay, time, cancellationToken);
        }
    }

    private SlackApiResult Interpret(string method, string text)
    {
        JsonObject? json = null;
        try
        {
            json = JsonNode.Parse(text) as JsonObject;
        }
        catch (JsonException)
        {
        }

        // response_url answers a bare "ok"; the Web API always answers JSON.
        if (json is null)
            return method == "response_url" ? SlackApiResult.Success(null) : Failed(method, "invalid_response", permanent: false);
        if (json["ok"] is JsonValue ok && ok.TryGetValue(out bool isOk) && !isOk)
        {
            var error = json["error"]?.GetValue<string>() ?? "unknown_error";
            if (SlackErrors.IsAuthError(error))
            {
                SlackLog.AuthError(logger, method, error);
                return SlackApiResult.Failure(error, permanent: true);
            }

            SlackLog.ApiError(logger, method, error, Detail(json));
            return SlackApiResult.Failure(error, SlackErrors.IsPermanent(error));
        }

        return SlackApiResult.Success(json);
    }

    private SlackApiResult Failed(string method, string reason, bool permanent)
    {
        SlackLog.CallFailed(logger, method, reason);
        return SlackApiResult.Failure(reason, permanent);
    }

    private static string? ErrorCode(string text)
    {
        try
        {
            return (JsonNode.Parse(text) as JsonObject)?["error"]?.GetValue<string>();
        }
        catch (Exception exception) when (exception is JsonException or InvalidOperationException)
        {
            return null;
        }
    }

    /// <summary>Slack's extra words on an error (<c>needed</c> scope, <c>response_metadata.messages</c>).</summary>
    private static string Detail(JsonObject json)
    {
        var parts = new List<string>();
        if (json["needed"]?.ToString() is { } needed)
            parts.Add($"needed: {needed}");
        if (json["response_metadata"]?["messages"] is JsonArray messages)
            parts.AddRange(messages.Select(m => m?.ToString() ?? ""));
        return string.Join("; ", parts);
    }

    private TimeSpan? RetryAfter(HttpResponseMessage response)
    {
        if (response.Headers.RetryAfter?.Delta is { } delta)
            return delta;
        if (response.Headers.RetryAfter?.Date is { } date)
            return date - time.GetUtcNow() is var wait && wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
        return null;
    }
}
