using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using JobSheetQA.Bot.Channels.Teams.Auth;
using JobSheetQA.Bot.Chat.Outbound;
using Microsoft.Extensions.Options;
using Microsoft.Identity.Client;

namespace JobSheetQA.Bot.Channels.Teams.Connector;

/// <summary>
/// The Bot Connector REST calls the bot makes
/// (https://learn.microsoft.com/en-us/azure/bot-service/rest-api/bot-framework-rest-connector-api-reference):
/// reply, send, update and create conversation, ids URL-encoded. 429 waits for <c>Retry-After</c>; 412 and 5xx back off exponentially with jitter;
/// other 4xx are permanent and never retried. The token is attached only for an allowed serviceUrl.
/// </summary>
public sealed class BotConnectorClient(
    IHttpClientFactory httpClients,
    BotConnectorTokenProvider tokens,
    ServiceUrlPolicy serviceUrls,
    IOptions<TeamsOptions> options,
    TimeProvider time,
    ILogger<BotConnectorClient> logger)
{
    /// <summary><c>POST v3/conversations/{id}/activities/{replyToId}</c>: a reply to an activity (in its thread).</summary>
    public Task<ChannelSendResult> ReplyToActivityAsync(string serviceUrl, string conversationId, string replyToId, JsonObject activity, CancellationToken cancellationToken) =>
        SendActivityAsync("reply", HttpMethod.Post, serviceUrl, $"v3/conversations/{Escape(conversationId)}/activities/{Escape(replyToId)}", activity, cancellationToken);

    /// <summary><c>POST v3/conversations/{id}/activities</c>: a new message in a conversation (proactive).</summary>
    public Task<ChannelSendResult> SendToConversationAsync(string serviceUrl, string conversationId, JsonObject activity, CancellationToken cancellationToken) =>
        SendActivityAsync("send", HttpMethod.Post, serviceUrl, $"v3/conversations/{Escape(conversationId)}/activities", activity, cancellationToken);

    /// <summary><c>PUT v3/conversations/{id}/activities/{activityId}</c>: replaces a message for everyone (status card).</summary>
    public Task<ChannelSendResult> UpdateActivityAsync(string serviceUrl, string conversationId, string activityId, JsonObject activity, CancellationToken cancellationToken) =>
        SendActivityAsync("update", HttpMethod.Put, serviceUrl, $"v3/conversations/{Escape(conversationId)}/activities/{Escape(activityId)}", activity, cancellationToken);

    /// <summary><c>POST v3/conversations</c>: opens a conversation (a personal chat the user never started).</summary>
    public async Task<(ChannelSendResult Result, CreatedConversation? Conversation)> CreateConversationAsync(
        string serviceUrl, JsonObject parameters, CancellationToken cancellationToken)
    {
        var (result, body) = await CallAsync("create conversation", HttpMethod.Post, serviceUrl, "v3/conversations", parameters, cancellationToken);
        if (!result.Succeeded)
            return (result, null);
        var id = StringProperty(body, "id");
        return id is null
            ? (ChannelSendResult.PermanentFailure("create conversation answered without an id"), null)
            : (ChannelSendResult.Sent(id), new CreatedConversation(id, StringProperty(body, "activityId")));
    }

    private async Task<ChannelSendResult> SendActivityAsync(
        string operation, HttpMethod method, string serviceUrl, string path, JsonObject activity, CancellationToken cancellationToken)
    {
        var (result, body) = await CallAsync(operation, method, serviceUrl, path, activity, cancellationToken);
        if (!result.Succeeded)
            return result;
        // Update answers with the same id (or none); a send always names the new activity.
        var id = StringProperty(body, "id") ?? StringProperty(activity, "id");
        return id is null ? ChannelSendResult.PermanentFailure($"{operation} answered without an activity id") : ChannelSendResult.Sent(id);
    }

    private async Task<(ChannelSendResult Result, JsonNode? Body)> CallAsync(
        string operation, HttpMethod method, string serviceUrl, string path, JsonObject payload, CancellationToken cancellationToken)
    {
        if (!Uri.TryCreate(serviceUrl, UriKind.Absolute, out var baseUri))
            return (ChannelSendResult.PermanentFailure($"serviceUrl '{serviceUrl}' is not a URL"), null);
        if (!serviceUrls.IsAllowed(baseUri))
        {
            TeamsLog.ServiceUrlRefused(logger, baseUri.Host);
            return (ChannelSendResult.PermanentFailure($"serviceUrl host '{baseUri.Host}' is not allowed"), null);
        }

        var target = new Uri(serviceUrl.TrimEnd('/') + "/" + path);
        var settings = options.Value;
        var http = httpClients.CreateClient(TeamsHttpClients.Connector);
        for (var attempt = 1; ; attempt++)
        {
            string? token;
            try
            {
                token = await tokens.GetTokenAsync(cancellationToken);
            }
            catch (MsalException exception)
            {
                TeamsLog.TokenFailed(logger, $"{exception.ErrorCode}");
                var permanent = exception is MsalServiceException { StatusCode: >= 400 and < 500 and not 429 };
                return (permanent ? ChannelSendResult.PermanentFailure($"token refused: {exception.ErrorCode}")
                    : ChannelSendResult.TransientFailure($"token unavailable: {exception.ErrorCode}"), null);
            }

            using var request = new HttpRequestMessage(method, target) { Content = JsonContent.Create(payload, options: Activities.Activity.Json) };
            if (token is not null)
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);

            TimeSpan delay;
            string failure;
            try
            {
                using var response = await http.SendAsync(request, cancellationToken);
                if (response.IsSuccessStatusCode)
                    return (ChannelSendResult.Sent(""), await ReadBodyAsync(response, cancellationToken));

                var status = (int)response.StatusCode;
                failure = $"HTTP {status} {await ErrorOfAsync(response, cancellationToken)}".TrimEnd();
                if (response.StatusCode == HttpStatusCode.TooManyRequests)
                {
                    delay = RetryAfter(response) ?? Backoff(attempt, settings);
                    if (delay > settings.MaxRetryAfter)
                        return Give(operation, ChannelSendResult.TransientFailure($"{failure}; Retry-After {delay.TotalSeconds:0}s is too long"));
                }
                else if (status == 412 || status >= 500)
                    delay = Backoff(attempt, settings);
                else
                    return Give(operation, ChannelSendResult.PermanentFailure(failure));

                if (attempt >= settings.MaxAttempts)
                    return Give(operation, ChannelSendResult.TransientFailure(failure));
                TeamsLog.ConnectorRetrying(logger, operation, status, attempt, (long)delay.TotalMilliseconds);
            }
            catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
            {
                failure = exception is TaskCanceledException ? "timed out" : $"network error: {exception.Message}";
                if (attempt >= settings.MaxAttempts)
                    return Give(operation, ChannelSendResult.TransientFailure(failure));
                delay = Backoff(attempt, settings);
                TeamsLog.ConnectorRetrying(logger, operation, 0, attempt, (long)delay.TotalMilliseconds);
            }

            await Task.Delay(delay, time, cancellationToken);
        }
    }

    private (ChannelSendResult, JsonNode?) Give(string operation, ChannelSendResult result)
    {
        TeamsLog.ConnectorFailed(logger, operation, result.Error ?? result.Status.ToString());
        return (result, null);
    }

    private static string? StringProperty(JsonNode? node, string name) =>
        node is JsonObject obj && obj[name] is JsonValue value && value.TryGetValue<string>(out var text) && text.Length > 0 ? text : null;

    private static string Escape(string id) => Uri.EscapeDataString(id);

    private TimeSpan? RetryAfter(HttpResponseMessage response)
    {
        var retryAfter = response.Headers.RetryAfter;
        if (retryAfter?.Delta is { } delta)
            return delta < TimeSpan.Zero ? TimeSpan.Zero : delta;
        if (retryAfter?.Date is { } date)
        {
            var wait = date - time.GetUtcNow();
            return wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
        }

        return null;
    }

    /// <summary>Exponential backoff from <see cref="TeamsOptions.RetryBaseDelay"/>, ±20 % jitter so retries do not line up.</summary>
    private static TimeSpan Backoff(int attempt, TeamsOptions settings) =>
        settings.RetryBaseDelay * Math.Pow(2, attempt - 1) * (0.8 + Random.Shared.NextDouble() * 0.4);

    private static async Task<JsonNode?> ReadBodyAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        if (string.IsNullOrWhiteSpace(text))
            return null;
        try
        {
            return JsonNode.Parse(text);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>The connector's <c>{error:{code,message}}</c>, for the log and the failure text.</summary>
    private static async Task<string> ErrorOfAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var body = await ReadBodyAsync(response, cancellationToken);
        var error = body is JsonObject obj ? obj["error"] : null;
        return error is null ? "" : $"{StringProperty(error, "code")}: {StringProperty(error, "message")}";
    }
}
