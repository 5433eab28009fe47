using System.Buffers;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using JobSheetQA.Bot.Channels.Inbound;
using Microsoft.Extensions.Options;

namespace JobSheetQA.Bot.Channels.Slack;

/// <summary>
/// Socket Mode (https://api.slack.com/apis/socket-mode), for workspaces whose bot cannot be reached from the internet: asks
/// <c>apps.connections.open</c> for a fresh WebSocket URL with the app-level token, feeds each envelope's payload to the
/// same parser, workspace gate and queue as the HTTP endpoints and then acknowledges it (<c>{"envelope_id":…}</c>, well within 3 s).
/// An envelope the full queue cannot take is not acknowledged, so Slack delivers it again (the HTTP endpoints answer 503).
/// A <c>disconnect</c> message reconnects straight away with a new URL; a lost connection reconnects with back-off.
/// </summary>
public sealed class SlackSocketModeClient(
    SlackWebApi api, SlackWorkspaceGate gate, SlackInboundQueue queue, IOptions<SlackOptions> options, TimeProvider time,
    ILogger<SlackSocketModeClient> logger)
    : BackgroundService
{
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(30);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var failures = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            string reason;
            try
            {
                var session = await RunSessionAsync(stoppingToken);
                if (session.Hello)
                    failures = 0;
                if (session.DisconnectRequested)
                    continue;
                reason = session.Reason;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception) when (exception is WebSocketException or HttpRequestException or IOException or JsonException or OperationCanceledException)
            {
                reason = exception.GetType().Name;
            }

            failures++;
            var delay = TimeSpan.FromTicks(Math.Min(MaxBackoff.Ticks, (long)(options.Value.RetryBaseDelay.Ticks * Math.Pow(2, failures - 1))));
            SlackLog.SocketLost(logger, reason, (long)delay.TotalMilliseconds);
            try
            {
                await Task.Delay(delay, time, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private sealed record SessionEnd(bool Hello, bool DisconnectRequested, string Reason);

    private async Task<SessionEnd> RunSessionAsync(CancellationToken stoppingToken)
    {
        var open = await api.CallAsync("apps.connections.open", new JsonObject(), options.Value.AppToken!, stoppingToken);
        if (!open.Ok || open.Str("url") is not { } url || !Uri.TryCreate(url, UriKind.Absolute, out var socketUrl))
            return new SessionEnd(false, false, $"apps.connections.open: {open.Error ?? "no url"}");

        using var socket = new ClientWebSocket();
        await socket.ConnectAsync(socketUrl, stoppingToken);
        var hello = false;
        while (true)
        {
            var frame = await ReceiveAsync(socket, stoppingToken);
            if (frame is null)
                return new SessionEnd(hello, false, $"closed by Slack ({socket.CloseStatus})");

            using var json = JsonDocument.Parse(frame);
            var root = json.RootElement;
            var type = root.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;
            if (root.TryGetProperty("envelope_id", out var envelope) && envelope.ValueKind == JsonValueKind.String)
            {
                // Store first, then acknowledge: Slack does not redeliver an acknowledged envelope.
                if (await DispatchAsync(envelope.GetString()!, type ?? "", root, stoppingToken))
                    await SendAsync(socket, new JsonObject { ["envelope_id"] = envelope.GetString() }, stoppingToken);
                continue;
            }

            switch (type)
            {
                case "hello":
                    hello = true;
                    SlackLog.SocketHello(logger);
                    break;
                case "disconnect":
                    var why = root.TryGetProperty("reason", out var r) ? r.ToString() : "unknown";
                    SlackLog.SocketDisconnect(logger, why);
                    await CloseQuietlyAsync(socket);
                    return new SessionEnd(hello, true, why);
            }
        }
    }

    /// <summary>
    /// Queues the envelope's turn; true when it is to be acknowledged: queued, ignored or malformed (a redelivery would
    /// be no better), false only when the queue is full and Slack should deliver it again.
    /// </summary>
    private async Task<bool> DispatchAsync(string envelopeId, string type, JsonElement envelope, CancellationToken cancellationToken)
    {
        if (!envelope.TryGetProperty("payload", out var payload) || payload.ValueKind != JsonValueKind.Object)
        {
            SlackLog.EnvelopeRejected(logger, envelopeId, type, "no payload");
            return true;
        }

        var settings = options.Value;
        SlackInboundParse parsed;
        try
        {
            parsed = type switch
            {
                "events_api" => SlackInboundParser.ParseEvent(payload, settings.BotUserId),
                "slash_commands" => SlackInboundParser.ParseCommand(Fields(payload), settings.CommandResponseType, SlackResponseUrls.From(settings)),
                "interactive" => SlackInboundParser.ParseInteraction(payload, settings.BotUserId, SlackResponseUrls.From(settings)),
                _ => SlackInboundParse.Ignore($"envelope type {type}"),
            };
        }
        // A payload of unexpected shape must not end the client (and with it the host), as on the HTTP path it gets a 400.
        catch (Exception exception) when (exception is JsonException or InvalidOperationException)
        {
            parsed = SlackInboundParse.Invalid($"malformed payload ({exception.GetType().Name})");
        }

        parsed = gate.Admit(parsed, $"socket mode {type}");
        if (parsed.Error is { } error)
            SlackLog.EnvelopeRejected(logger, envelopeId, type, error);
        else if (parsed.Ignored is { } reason)
            SlackLog.Ignored(logger, "socket mode", reason);
        else if (parsed.Turn is { } turn && await queue.EnqueueAsync(turn, cancellationToken) == InboundAcceptance.Full)
        {
            SlackLog.EnvelopeRejected(logger, envelopeId, type, $"the inbound queue is full ({queue.Capacity}); not acknowledged, so Slack delivers it again");
            return false;
        }

        return true;
    }

    /// <summary>A slash command arrives over the socket as a JSON object of the same fields the HTTP form carries.</summary>
    private static Dictionary<string, string> Fields(JsonElement payload) =>
        payload.EnumerateObject()
            .Where(p => p.Value.ValueKind is JsonValueKind.String or JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False)
            .ToDictionary(p => p.Name, p => p.Value.ValueKind == JsonValueKind.String ? p.Value.GetString()! : p.Value.GetRawText(), StringComparer.Ordinal);

    /// <summary>One whole text message, or null when the socket closed.</summary>
    private static async Task<byte[]?> ReceiveAsync(ClientWebSocket socket, CancellationToken cancellationToken)
    {
        var message = new ArrayBufferWriter<byte>();
        while (true)
        {
            var result = await socket.ReceiveAsync(message.GetMemory(8 * 1024), cancellationToken);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                await CloseQuietlyAsync(socket);
                return null;
            }

            message.Advance(result.Count);
            if (result.EndOfMessage)
                return message.WrittenSpan.ToArray();
            if (message.WrittenCount > SlackRequestReceiver.MaxBodyBytes)
                throw new WebSocketException("Socket Mode message over 4 MB");
        }
    }

    private static Task SendAsync(ClientWebSocket socket, JsonObject message, CancellationToken cancellationToken) =>
        socket.SendAsync(Encoding.UTF8.GetBytes(message.ToJsonString()), WebSocketMessageType.Text, endOfMessage: true, cancellationToken);

    private static async Task CloseQuietlyAsync(ClientWebSocket socket)
    {
        try
        {
            if (socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
            {
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
                await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "reconnecting", timeout.Token);
            }
        }
        catch (Exception exception) when (exception is WebSocketException or OperationCanceledException)
        {
        }
    }
}
