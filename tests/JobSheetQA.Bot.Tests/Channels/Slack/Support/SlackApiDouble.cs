using System.Collections.Concurrent;
using System.Net;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace JobSheetQA.Bot.Tests.Channels.Slack.Support;

/// <summary>One request the double received: a Web API method (<c>chat.postMessage</c> …) or a <c>response_url</c> post.</summary>
public sealed record SlackApiCall(string Method, string? Authorization, string? ContentType, JsonObject Body, DateTimeOffset At)
{
    public string? Str(string name) => Body[name] is JsonValue value && value.TryGetValue(out string? text) ? text : null;
}

/// <summary>How the double answers one call, when a test scripts it.</summary>
public sealed record SlackDoubleResponse(int Status = 200, string? Error = null, int? RetryAfterSeconds = null, TimeSpan Delay = default)
{
    public static SlackDoubleResponse OkFalse(string error) => new(Error: error);

    public static SlackDoubleResponse RateLimited(int retryAfterSeconds) => new(Status: 429, RetryAfterSeconds: retryAfterSeconds);

    public static SlackDoubleResponse ServerError(int status = 503) => new(Status: status);

    public static SlackDoubleResponse Slow(TimeSpan delay) => new(Delay: delay);
}

/// <summary>
/// The Slack Web API, <c>response_url</c>s and the Socket Mode WebSocket on 127.0.0.1 (real HTTP, Kestrel, port 0), fed
/// with the official response shapes. Records every call; a test can script <c>ok:false</c>, 429 with <c>Retry-After</c>,
/// 5xx and slow answers per method, and drive the socket (hello, envelopes, disconnect) while it records the acks.
/// </summary>
public sealed class SlackApiDouble : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly ConcurrentQueue<SlackApiCall> calls = new();
    private readonly ConcurrentDictionary<string, ConcurrentQueue<SlackDoubleResponse>> scripts = new();
    private readonly ConcurrentQueue<JsonObject> socketReceived = new();
    private readonly ConcurrentQueue<WebSocket> sockets = new();
    private int nextTs;
    private int connections;

    private SlackApiDouble(WebApplication app) => this.app = app;

    public Uri BaseUrl { get; private set; } = null!;

    public Uri ApiBaseUrl => new(BaseUrl, "api/");

    /// <summary>Sent to every new socket connection first; null sends nothing.</summary>
    public string? SocketGreeting { get; set; } = """{"type":"hello","num_connections":1,"connection_info":{"app_id":"A0TEST"}}""";

    public IReadOnlyList<SlackApiCall> Calls => calls.ToList();

    public IReadOnlyList<SlackApiCall> CallsTo(string method) => calls.Where(c => c.Method == method).ToList();

    /// <summary>Every message the bot sent over a socket (acks), in order.</summary>
    public IReadOnlyList<JsonObject> SocketReceived => socketReceived.ToList();

    public int SocketConnections => Volatile.Read(ref connections);

    public static async Task<SlackApiDouble> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var slack = new SlackApiDouble(app);
        app.UseWebSockets();
        app.MapPost("/api/{method}", (string method, HttpContext context) => slack.ApiAsync(method, context));
        app.MapPost("/respond/{id}", (string id, HttpContext context) => slack.ApiAsync($"response_url:{id}", context));
        app.Map("/socket", slack.SocketAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        slack.BaseUrl = new Uri(address.EndsWith('/') ? address : address + "/");
        return slack;
    }

    /// <summary>A fresh response_url on the double.</summary>
    public Uri ResponseUrl(string id) => new(ResponseUrlRoot, id);

    /// <summary>Where every response_url on the double starts (<c>Slack:ResponseUrlRoots</c>).</summary>
    public Uri ResponseUrlRoot => new(BaseUrl, "respond/");

    /// <summary>The next call to <paramref name="method"/> is answered with <paramref name="response"/> (scripts queue up).</summary>
    public void Script(string method, params SlackDoubleResponse[] responses)
    {
        var queue = scripts.GetOrAdd(method, _ => new ConcurrentQueue<SlackDoubleResponse>());
        foreach (var response in responses)
            queue.Enqueue(response);
    }

    public async Task<SlackApiCall> WaitForCallAsync(string method, Func<SlackApiCall, bool>? match = null, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(60));
        while (true)
        {
            var found = calls.FirstOrDefault(c => c.Method == method && (match?.Invoke(c) ?? true));
            if (found is not null)
                return found;
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"No {method} call within the time allowed. Calls so far:\n{string.Join('\n', calls.Select(c => $"{c.Method} {c.Body.ToJsonString()}"))}");
            await Task.Delay(50);
        }
    }

    public async Task<JsonObject> WaitForSocketMessageAsync(Func<JsonObject, bool> match, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(60));
        while (true)
        {
            var found = socketReceived.FirstOrDefault(match);
            if (found is not null)
                return found;
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"No matching socket message. Received:\n{string.Join('\n', socketReceived.Select(m => m.ToJsonString()))}");
            await Task.Delay(20);
        }
    }

    public async Task WaitForSocketConnectionsAsync(int count, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(60));
        while (SocketConnections < count || sockets.Count(s => s.State == WebSocketState.Open) == 0)
        {
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"{SocketConnections} socket connection(s), expected {count}");
            await Task.Delay(20);
        }
    }

    /// <summary>Sends a frame to the newest open socket connection.</summary>
    public async Task SendToSocketAsync(string json)
    {
        var socket = sockets.Reverse().First(s => s.State == WebSocketState.Open);
        await socket.SendAsync(Encoding.UTF8.GetBytes(json), WebSocketMessageType.Text, endOfMessage: true, CancellationToken.None);
    }

    /// <summary>Closes the newest connection from the server side, as a network drop or a Slack restart would.</summary>
    public async Task CloseSocketAsync()
    {
        var socket = sockets.Reverse().First(s => s.State == WebSocketState.Open);
        await socket.CloseOutputAsync(WebSocketCloseStatus.EndpointUnavailable, "going away", CancellationToken.None);
    }

    private async Task ApiAsync(string method, HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body, Encoding.UTF8);
        var text = await reader.ReadToEndAsync();
        var body = (string.IsNullOrEmpty(text) ? null : JsonNode.Parse(text) as JsonObject) ?? new JsonObject();
        var call = new SlackApiCall(method.StartsWith("response_url", StringComparison.Ordinal) ? "response_url" : method,
            context.Request.Headers.Authorization.ToString() is { Length: > 0 } auth ? auth : null,
            context.Request.ContentType, body, DateTimeOffset.UtcNow);
        if (call.Method == "response_url")
            body["__id"] = method["response_url:".Length..];
        calls.Enqueue(call);

        var script = scripts.TryGetValue(call.Method, out var queue) && queue.TryDequeue(out var next) ? next : new SlackDoubleResponse();
        if (script.Delay > TimeSpan.Zero)
            await Task.Delay(script.Delay);
        if (script.RetryAfterSeconds is { } retryAfter)
            context.Response.Headers.RetryAfter = retryAfter.ToString(System.Globalization.CultureInfo.InvariantCulture);
        context.Response.StatusCode = script.Status;
        if (script.Status != 200)
            return;

        if (script.Error is { } error)
        {
            await context.Response.WriteAsJsonAsync(new JsonObject { ["ok"] = false, ["error"] = error, ["response_metadata"] = new JsonObject { ["messages"] = new JsonArray($"[ERROR] {error}") } });
            return;
        }

        var ts = $"1764150000.{Interlocked.Increment(ref nextTs):000000}";
        JsonObject answer = call.Method switch
        {
            "response_url" => new JsonObject { ["ok"] = true },
            "chat.postMessage" => new JsonObject { ["ok"] = true, ["channel"] = call.Str("channel"), ["ts"] = ts, ["message"] = new JsonObject { ["text"] = call.Str("text"), ["ts"] = ts } },
            "chat.update" => new JsonObject { ["ok"] = true, ["channel"] = call.Str("channel"), ["ts"] = call.Str("ts"), ["text"] = call.Str("text") },
            "chat.postEphemeral" => new JsonObject { ["ok"] = true, ["message_ts"] = ts },
            "apps.connections.open" => new JsonObject { ["ok"] = true, ["url"] = new Uri(new Uri(BaseUrl.ToString().Replace("http", "ws", StringComparison.Ordinal)), $"socket?ticket={Guid.NewGuid():N}").ToString() },
            _ => new JsonObject { ["ok"] = true },
        };
        await context.Response.WriteAsJsonAsync(answer);
    }

    private async Task SocketAsync(HttpContext context)
    {
        if (!context.WebSockets.IsWebSocketRequest)
        {
            context.Response.StatusCode = 400;
            return;
        }

        using var socket = await context.WebSockets.AcceptWebSocketAsync();
        Interlocked.Increment(ref connections);
        sockets.Enqueue(socket);
        if (SocketGreeting is { } greeting)
            await socket.SendAsync(Encoding.UTF8.GetBytes(greeting), WebSocketMessageType.Text, true, CancellationToken.None);

        var buffer = new byte[64 * 1024];
        try
        {
            while (socket.State is WebSocketState.Open or WebSocketState.CloseSent)
            {
                var result = await socket.ReceiveAsync(buffer, context.RequestAborted);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    if (socket.State == WebSocketState.CloseReceived)
                        await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "bye", CancellationToken.None);
                    break;
                }

                if (JsonNode.Parse(Encoding.UTF8.GetString(buffer, 0, result.Count)) is JsonObject message)
                {
                    message["__at"] = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
                    socketReceived.Enqueue(message);
                }
            }
        }
        catch (Exception exception) when (exception is WebSocketException or OperationCanceledException)
        {
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var socket in sockets.Where(s => s.State == WebSocketState.Open))
        {
            try
            {
                socket.Abort();
            }
            catch (WebSocketException)
            {
            }
        }

        await app.StopAsync();
        await app.DisposeAsync();
    }
}
