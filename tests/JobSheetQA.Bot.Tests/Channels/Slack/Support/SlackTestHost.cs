using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using JobSheetQA.Bot.Channels.Slack;
using JobSheetQA.Bot.Tests.Chat.Support;
using Microsoft.Extensions.DependencyInjection;

namespace JobSheetQA.Bot.Tests.Channels.Slack.Support;

/// <summary>
/// The whole bot (see <see cref="ChatTestHost"/>) with Slack enabled and its Web API pointed at a <see cref="SlackApiDouble"/>
/// on 127.0.0.1. Tests send requests as Slack does, signed with the test signing secret, and read what the bot posted
/// back from the double.
/// </summary>
public sealed class SlackTestHost : IAsyncDisposable
{
    public const string SigningSecret = "8f742231b10e8888abcd99yyyzzz85a5";
    public const string BotToken = "xoxb-17653672481-19874698323-pdFZKVeTuE8sk7oOcBrzbqgy";
    public const string AppToken = "xapp-1-A0TEST-1234567890-abcdef0123456789";
    public const string BotUserId = "UBOT0001";
    public const string TeamId = "T0TEAM01";

    private readonly HttpClient client;
    private int nextEvent;

    private SlackTestHost(SlackApiDouble api, ChatTestHost bot)
    {
        Api = api;
        Bot = bot;
        client = bot.CreateClient();
    }

    public SlackApiDouble Api { get; }

    public ChatTestHost Bot { get; }

    /// <summary>Starts the bot with Slack on; <paramref name="settings"/> override the defaults, a null value removes one.</summary>
    /// <remarks>
    /// With <paramref name="contentRoot"/> the bot runs on that folder and leaves it behind (a later host started on it
    /// is a restart: same database); otherwise on a temporary folder it deletes.
    /// </remarks>
    public static async Task<SlackTestHost> StartAsync(
        IDictionary<string, string?>? settings = null, Action<IServiceCollection>? configureServices = null, string? contentRoot = null)
    {
        var api = await SlackApiDouble.StartAsync();
        try
        {
            var all = new Dictionary<string, string?>
            {
                ["Slack:Enabled"] = "true",
                ["Slack:SigningSecret"] = SigningSecret,
                ["Slack:BotToken"] = BotToken,
                ["Slack:ApiBaseUrl"] = api.ApiBaseUrl.ToString(),
                // The double's response_urls are the only ones the bot may post to (Slack's own, hooks.slack.com, otherwise).
                ["Slack:ResponseUrlRoots:0"] = api.ResponseUrlRoot.ToString(),
                ["Slack:RetryBaseDelay"] = "00:00:00.050",
                // The workspace every test payload comes from, as a production bot is pinned to its own.
                ["Slack:AllowedTeams:0"] = TeamId,
            };
            // A null value leaves the key out altogether (the configuration binder would read it as an empty entry).
            foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
            {
                if (value is null)
                    all.Remove(key);
                else
                    all[key] = value;
            }

            var bot = contentRoot is null
                ? ChatTestHost.Start(all, configureServices)
                : ChatTestHost.Restart(contentRoot, new TestChannel(), all, configureServices);
            return new SlackTestHost(api, bot);
        }
        catch
        {
            await api.DisposeAsync();
            throw;
        }
    }

    public static long Now => DateTimeOffset.UtcNow.ToUnixTimeSeconds();

    /// <summary>The <c>X-Slack-Signature</c> Slack would send for <paramref name="body"/> at <paramref name="timestamp"/>.</summary>
    public static string Signature(byte[] body, long timestamp, string secret = SigningSecret) =>
        "v0=" + Convert.ToHexStringLower(SlackRequestVerifier.Sign(secret, timestamp.ToString(CultureInfo.InvariantCulture), body));

    /// <summary>Posts <paramref name="body"/> signed as Slack does; <paramref name="tweak"/> can spoil the request afterwards.</summary>
    public async Task<HttpResponseMessage> PostSignedAsync(
        string path, byte[] body, string contentType, long? timestamp = null, Action<HttpRequestMessage>? tweak = null, CancellationToken cancellationToken = default)
    {
        var ts = timestamp ?? Now;
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        request.Headers.TryAddWithoutValidation(SlackRequestVerifier.TimestampHeader, ts.ToString(CultureInfo.InvariantCulture));
        request.Headers.TryAddWithoutValidation(SlackRequestVerifier.SignatureHeader, Signature(body, ts));
        tweak?.Invoke(request);
        return await client.SendAsync(request, cancellationToken);
    }

    public Task<HttpResponseMessage> PostEventAsync(JsonObject body, Action<HttpRequestMessage>? tweak = null) =>
        PostSignedAsync("/api/slack/events", Encoding.UTF8.GetBytes(body.ToJsonString()), "application/json", tweak: tweak);

    public Task<HttpResponseMessage> PostCommandAsync(IReadOnlyDictionary<string, string> fields) =>
        PostSignedAsync("/api/slack/commands", Encoding.UTF8.GetBytes(FormEncode(fields)), "application/x-www-form-urlencoded");

    public Task<HttpResponseMessage> PostInteractionAsync(JsonObject payload) =>
        PostSignedAsync("/api/slack/interactions", Encoding.UTF8.GetBytes(FormEncode(new Dictionary<string, string> { ["payload"] = payload.ToJsonString() })),
            "application/x-www-form-urlencoded");

    /// <summary>Form encoding as Slack sends it: spaces as <c>+</c>.</summary>
    public static string FormEncode(IReadOnlyDictionary<string, string> fields) =>
        string.Join('&', fields.Select(f => $"{Uri.EscapeDataString(f.Key)}={Uri.EscapeDataString(f.Value).Replace("%20", "+", StringComparison.Ordinal)}"));

    public string NextEventId() => $"Ev{Interlocked.Increment(ref nextEvent):0000}{Guid.NewGuid():N}"[..20];

    /// <summary>An <c>event_callback</c> envelope around <paramref name="slackEvent"/>, as the Events API sends it.</summary>
    public JsonObject Callback(JsonObject slackEvent, string? eventId = null) => new()
    {
        ["token"] = "deprecated-verification-token",
        ["team_id"] = TeamId,
        ["api_app_id"] = "A0TEST",
        ["event"] = slackEvent,
        ["type"] = "event_callback",
        ["event_id"] = eventId ?? NextEventId(),
        ["event_time"] = Now,
        ["authorizations"] = new JsonArray(new JsonObject { ["enterprise_id"] = null, ["team_id"] = TeamId, ["user_id"] = BotUserId, ["is_bot"] = true, ["is_enterprise_install"] = false }),
        ["is_ext_shared_channel"] = false,
        ["event_context"] = "4-eyJldCI6ImFwcF9tZW50aW9uIn0",
    };

    public static JsonObject AppMention(string channel, string user, string text, string ts, string? threadTs = null)
    {
        var e = new JsonObject
        {
            ["type"] = "app_mention",
            ["user"] = user,
            ["text"] = text,
            ["ts"] = ts,
            ["channel"] = channel,
            ["event_ts"] = ts,
            ["team"] = TeamId,
        };
        if (threadTs is not null)
            e["thread_ts"] = threadTs;
        return e;
    }

    public static JsonObject Message(string channel, string user, string text, string ts, string channelType = "im", string? threadTs = null)
    {
        var e = AppMention(channel, user, text, ts, threadTs);
        e["type"] = "message";
        e["channel_type"] = channelType;
        return e;
    }

    /// <summary>The form fields of <c>/promote {text}</c>, with a response_url on the double.</summary>
    public Dictionary<string, string> SlashCommand(string channel, string user, string text, string responseId) => new()
    {
        ["token"] = "deprecated-verification-token",
        ["team_id"] = TeamId,
        ["team_domain"] = "jobsheetqa",
        ["channel_id"] = channel,
        ["channel_name"] = "releases",
        ["user_id"] = user,
        ["user_name"] = "dana.okafor",
        ["command"] = "/promote",
        ["text"] = text,
        ["api_app_id"] = "A0TEST",
        ["is_enterprise_install"] = "false",
        ["response_url"] = Api.ResponseUrl(responseId).ToString(),
        ["trigger_id"] = $"{Guid.NewGuid():N}.trigger",
    };

    /// <summary>A <c>block_actions</c> payload as Slack sends it for a click on a bot message in a channel.</summary>
    public JsonObject BlockActions(string channel, string responseId, JsonObject action) => new()
    {
        ["type"] = "block_actions",
        ["user"] = new JsonObject { ["id"] = "U0DANA", ["username"] = "dana.okafor", ["name"] = "dana.okafor", ["team_id"] = SlackTestHost.TeamId },
        ["api_app_id"] = "A0TEST",
        ["token"] = "deprecated",
        ["container"] = new JsonObject { ["type"] = "message", ["message_ts"] = "1764150000.000050", ["channel_id"] = channel, ["is_ephemeral"] = false },
        ["trigger_id"] = $"{Guid.NewGuid():N}.trigger",
        ["team"] = new JsonObject { ["id"] = SlackTestHost.TeamId, ["domain"] = "jobsheetqa" },
        ["channel"] = new JsonObject { ["id"] = channel, ["name"] = "releases" },
        ["message"] = new JsonObject
        {
            ["type"] = "message",
            ["user"] = SlackTestHost.BotUserId,
            ["ts"] = "1764150000.000050",
            ["bot_id"] = "B0BOT",
            ["text"] = "I don't know \"promot\".",
            ["blocks"] = new JsonArray(
                new JsonObject { ["type"] = "section", ["block_id"] = "s1", ["text"] = new JsonObject { ["type"] = "mrkdwn", ["text"] = "I don't know \"promot\"." } },
                new JsonObject { ["type"] = "actions", ["block_id"] = "b1", ["elements"] = new JsonArray(new JsonObject { ["type"] = "button", ["action_id"] = "cmd:1:0", ["value"] = "promot staging" }) }),
        },
        ["state"] = new JsonObject { ["values"] = new JsonObject() },
        ["response_url"] = Api.ResponseUrl(responseId).ToString(),
        ["actions"] = new JsonArray(action),
    };

    public async ValueTask DisposeAsync()
    {
        client.Dispose();
        await Bot.DisposeAsync();
        await Api.DisposeAsync();
    }
}
