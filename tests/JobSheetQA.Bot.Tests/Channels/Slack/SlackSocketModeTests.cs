using System.Text.Json.Nodes;
using JobSheetQA.Bot.Tests.Channels.Slack.Support;

namespace JobSheetQA.Bot.Tests.Channels.Slack;

/// <summary>
/// Socket Mode (docs/protocol-conformance.md C2.13) against a WebSocket double on 127.0.0.1: the URL comes from
/// apps.connections.open with the app token, every envelope is acknowledged at once and handled like its HTTP twin,
/// and a disconnect message or a dropped socket leads to a new connection.
/// </summary>
public sealed class SlackSocketModeTests : IAsyncLifetime
{
    private SlackTestHost slack = null!;

    public async Task InitializeAsync()
    {
        slack = await SlackTestHost.StartAsync(new Dictionary<string, string?> { ["Slack:AppToken"] = SlackTestHost.AppToken });
        await slack.Api.WaitForSocketConnectionsAsync(1);
    }

    public async Task DisposeAsync() => await slack.DisposeAsync();

    [Fact]
    public async Task The_socket_url_is_opened_with_the_app_token()
    {
        var open = await slack.Api.WaitForCallAsync("apps.connections.open");

        Assert.Equal($"Bearer {SlackTestHost.AppToken}", open.Authorization);
    }

    [Fact]
    public async Task An_events_api_envelope_is_acknowledged_within_three_seconds_and_answered_in_the_thread()
    {
        var sentAt = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        await slack.Api.SendToSocketAsync(Envelope("env-events-1", "events_api",
            slack.Callback(SlackTestHost.AppMention("C0SOCKET", "U0DANA", $"<@{SlackTestHost.BotUserId}> promot staging", "1764150300.000001"))));

        var ack = await slack.Api.WaitForSocketMessageAsync(m => m["envelope_id"]?.GetValue<string>() == "env-events-1");
        Assert.True(ack["__at"]!.GetValue<long>() - sentAt < 3000);
        Assert.Null(ack["payload"]);
        var answer = await slack.Api.WaitForCallAsync("chat.postMessage", c => c.Str("channel") == "C0SOCKET");
        Assert.Equal("1764150300.000001", answer.Str("thread_ts"));
        Assert.Contains("Did you mean `promote staging`?", answer.Str("text"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_retried_envelope_is_acknowledged_again_and_handled_once()
    {
        var callback = slack.Callback(SlackTestHost.AppMention("C0SOCKDUP", "U0DANA", $"<@{SlackTestHost.BotUserId}> promot staging", "1764150301.000001"));
        await slack.Api.SendToSocketAsync(Envelope("env-dup-1", "events_api", callback));
        await slack.Api.WaitForCallAsync("chat.postMessage", c => c.Str("channel") == "C0SOCKDUP");

        await slack.Api.SendToSocketAsync(Envelope("env-dup-2", "events_api", callback, retryAttempt: 1));
        await slack.Api.WaitForSocketMessageAsync(m => m["envelope_id"]?.GetValue<string>() == "env-dup-2");
        await slack.Api.SendToSocketAsync(Envelope("env-dup-3", "events_api",
            slack.Callback(SlackTestHost.AppMention("C0SOCKDUP", "U0DANA", $"<@{SlackTestHost.BotUserId}> control", "1764150301.000009"))));
        await slack.Api.WaitForCallAsync("chat.postMessage", c => c.Str("channel") == "C0SOCKDUP" && c.Str("thread_ts") == "1764150301.000009");

        Assert.Single(slack.Api.CallsTo("chat.postMessage"), c => c.Str("channel") == "C0SOCKDUP" && c.Str("thread_ts") == "1764150301.000001");
    }

    [Fact]
    public async Task A_slash_command_envelope_is_acknowledged_and_answered_through_its_response_url()
    {
        var fields = slack.SlashCommand("C0SOCKCMD", "U0DANA", "help", "socket-command");
        var payload = new JsonObject();
        foreach (var (key, value) in fields)
            payload[key] = value;

        await slack.Api.SendToSocketAsync(Envelope("env-command-1", "slash_commands", payload, acceptsResponsePayload: true));

        await slack.Api.WaitForSocketMessageAsync(m => m["envelope_id"]?.GetValue<string>() == "env-command-1");
        var answer = await slack.Api.WaitForCallAsync("response_url", c => c.Str("__id") == "socket-command");
        Assert.Equal("ephemeral", answer.Str("response_type"));
    }

    [Fact]
    public async Task Interactive_unknown_and_malformed_envelopes_are_all_acknowledged()
    {
        await slack.Api.SendToSocketAsync(Envelope("env-view", "interactive", new JsonObject { ["type"] = "view_submission" }));
        await slack.Api.SendToSocketAsync(Envelope("env-unknown", "something_new", new JsonObject()));
        await slack.Api.SendToSocketAsync("""{"envelope_id":"env-no-payload","type":"events_api"}""");

        foreach (var id in new[] { "env-view", "env-unknown", "env-no-payload" })
            await slack.Api.WaitForSocketMessageAsync(m => m["envelope_id"]?.GetValue<string>() == id);
    }

    [Fact]
    public async Task An_envelope_whose_payload_trips_the_parser_is_acknowledged_and_the_connection_keeps_working()
    {
        // An action that is not an object: the parser's JSON reads throw InvalidOperationException (the HTTP path answers 400).
        var payload = new JsonObject
        {
            ["type"] = "block_actions",
            ["actions"] = new JsonArray(1),
            ["user"] = new JsonObject { ["id"] = "U0DANA" },
            ["channel"] = new JsonObject { ["id"] = "C0SOCKBAD" },
        };

        await slack.Api.SendToSocketAsync(Envelope("env-bad-action", "interactive", payload));

        await slack.Api.WaitForSocketMessageAsync(m => m["envelope_id"]?.GetValue<string>() == "env-bad-action", TimeSpan.FromSeconds(10));
        await slack.Api.SendToSocketAsync(Envelope("env-after-bad", "events_api",
            slack.Callback(SlackTestHost.AppMention("C0SOCKBAD", "U0DANA", $"<@{SlackTestHost.BotUserId}> promot staging", "1764150303.000001"))));
        await slack.Api.WaitForCallAsync("chat.postMessage", c => c.Str("channel") == "C0SOCKBAD", TimeSpan.FromSeconds(10));
        Assert.Equal(1, slack.Api.SocketConnections);
    }

    [Fact]
    public async Task A_disconnect_message_reconnects_with_a_new_url_and_envelopes_keep_flowing()
    {
        await slack.Api.SendToSocketAsync("""{"type":"disconnect","reason":"refresh_requested","debug_info":{"host":"applink-1"}}""");

        await slack.Api.WaitForSocketConnectionsAsync(2);
        Assert.Equal(2, slack.Api.CallsTo("apps.connections.open").Count);
        await slack.Api.SendToSocketAsync(Envelope("env-after-refresh", "events_api",
            slack.Callback(SlackTestHost.AppMention("C0REFRESH", "U0DANA", $"<@{SlackTestHost.BotUserId}> promot staging", "1764150302.000001"))));
        await slack.Api.WaitForSocketMessageAsync(m => m["envelope_id"]?.GetValue<string>() == "env-after-refresh");
        await slack.Api.WaitForCallAsync("chat.postMessage", c => c.Str("channel") == "C0REFRESH");
    }

    [Fact]
    public async Task A_socket_closed_by_the_server_is_reopened()
    {
        await slack.Api.CloseSocketAsync();

        await slack.Api.WaitForSocketConnectionsAsync(2);
        Assert.True(slack.Api.CallsTo("apps.connections.open").Count >= 2);
    }

    [Fact]
    public async Task A_refused_connections_open_is_retried_with_back_off()
    {
        slack.Api.Script("apps.connections.open", SlackDoubleResponse.OkFalse("internal_error"));

        await slack.Api.CloseSocketAsync();

        await slack.Api.WaitForSocketConnectionsAsync(2);
        var opens = slack.Api.CallsTo("apps.connections.open");
        Assert.Equal(3, opens.Count);
        Assert.True(opens[2].At - opens[1].At >= TimeSpan.FromMilliseconds(45), $"retried after {opens[2].At - opens[1].At}");
    }

    private static string Envelope(string id, string type, JsonObject payload, int retryAttempt = 0, bool acceptsResponsePayload = false) =>
        new JsonObject
        {
            ["envelope_id"] = id,
            ["payload"] = payload.DeepClone(),
            ["type"] = type,
            ["accepts_response_payload"] = acceptsResponsePayload,
            ["retry_attempt"] = retryAttempt,
            ["retry_reason"] = retryAttempt == 0 ? "" : "timeout",
        }.ToJsonString();
}
