using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;

namespace JobSheetQA.Bot.Load;

/// <summary>A Bot Connector on 127.0.0.1 that takes replies (<c>POST /v3/conversations/{id}/activities[/{replyTo}]</c>),
/// answers as the connector does and wakes the conversation's driver with the time the reply arrived.</summary>
internal sealed class ConnectorSink : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, TaskCompletionSource<(long, string)>> waiting = new(StringComparer.Ordinal);
    private readonly WebApplication app;

    private ConnectorSink(WebApplication app) => this.app = app;

    public Uri BaseAddress { get; private set; } = null!;

    public static async Task<ConnectorSink> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var sink = new ConnectorSink(app);
        app.MapPost("/v3/conversations/{conversationId}/activities/{replyToId?}", async (string? replyToId, HttpRequest request) =>
            sink.Received(replyToId, await JsonSerializer.DeserializeAsync<JsonElement>(request.Body)));
        app.MapPut("/v3/conversations/{conversationId}/activities/{activityId}", () => Results.Json(new { id = "updated" }));
        await app.StartAsync();
        sink.BaseAddress = new Uri(app.Urls.First() + "/");
        return sink;
    }

    /// <summary>The first reply to the activity <paramref name="activityId"/>: the <see cref="Stopwatch"/> timestamp of its
    /// arrival and its text.</summary>
    public Task<(long At, string Text)> FirstReplyTo(string activityId)
    {
        var next = new TaskCompletionSource<(long, string)>(TaskCreationOptions.RunContinuationsAsynchronously);
        waiting[activityId] = next;
        return next.Task;
    }

    private IResult Received(string? replyToId, JsonElement activity)
    {
        var at = Stopwatch.GetTimestamp();
        replyToId ??= activity.TryGetProperty("replyToId", out var id) ? id.GetString() : null;
        if (replyToId is not null && waiting.TryRemove(replyToId, out var next))
            next.TrySetResult((at, TextOf(activity)));
        return Results.Json(new { id = Guid.NewGuid().ToString("N") });
    }

    /// <summary>The reply's text, or its card's first text block (the promotion bot answers a dry run with a card).</summary>
    private static string TextOf(JsonElement activity)
    {
        if (activity.TryGetProperty("text", out var text) && text.ValueKind == JsonValueKind.String && text.GetString() is { Length: > 0 } plain)
            return plain;
        var raw = activity.GetRawText();
        var start = raw.IndexOf("\"text\":\"", StringComparison.Ordinal);
        return start < 0 ? "(no text)" : raw[(start + 8)..Math.Min(raw.Length, start + 128)];
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
