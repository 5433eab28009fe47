using System.Text.Json.Nodes;

namespace JobSheetQA.Bot.Channels.Slack;

/// <summary>
/// The outcome of one Web API call: the response body when <c>ok</c>, otherwise Slack's error code (or the HTTP
/// failure) and whether trying again later could help (rate limits, outages) or not (auth, scopes, bad blocks).
/// </summary>
public sealed record SlackApiResult(bool Ok, JsonObject? Body, string? Error, bool Permanent)
{
    public static SlackApiResult Success(JsonObject? body) => new(true, body, null, false);

    public static SlackApiResult Failure(string error, bool permanent) => new(false, null, error, permanent);

    public string? Str(string name) => Body?[name] is JsonValue value && value.TryGetValue(out string? text) ? text : null;
}
