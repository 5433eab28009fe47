using System.Text.Json;

// The .NET floor of the load benchmark (tests/load/README.md): echo-bot/index.js in ASP.NET Core with nothing else —
// Kestrel takes the activity, System.Text.Json reads it, one shared HttpClient posts "Echo: <text>" to the activity's
// serviceUrl (the benchmark's sink) and the turn answers 200 once the reply is posted, as botbuilder does. No app id, no
// token, no state: what receiving an activity and sending one reply over HTTP costs in .NET on this machine.
var builder = WebApplication.CreateSlimBuilder(args);
// Warnings and errors only, on stderr (the driver shows a bot's stderr): the floor must not measure console logging.
builder.Logging.ClearProviders();
builder.Logging.SetMinimumLevel(LogLevel.Warning);
builder.Logging.AddConsole(console => console.LogToStandardErrorThreshold = LogLevel.Warning);
var app = builder.Build();
using var connector = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(10) });

app.MapPost("/api/messages", async (Activity activity, CancellationToken cancellationToken) =>
{
    if (activity.Type == "message")
    {
        var conversationId = Uri.EscapeDataString(activity.Conversation.GetProperty("id").GetString() ?? "");
        var replies = new Uri($"{activity.ServiceUrl?.TrimEnd('/')}/v3/conversations/{conversationId}/activities/{Uri.EscapeDataString(activity.Id ?? "")}");
        var reply = new Reply("message", $"Echo: {activity.Text}", activity.Recipient, activity.From, activity.Conversation, activity.Id);
        using var response = await connector.PostAsJsonAsync(replies, reply, cancellationToken);
        response.EnsureSuccessStatusCode();
    }

    return Results.Ok();
});
app.Run();

/// <summary>The fields of an inbound activity the echo reads; <c>from</c>, <c>recipient</c> and <c>conversation</c> are
/// passed back as they came.</summary>
internal sealed record Activity(string? Type, string? Id, string? Text, string? ServiceUrl, JsonElement From, JsonElement Recipient, JsonElement Conversation);

/// <summary>The reply, as botbuilder addresses it: from the bot to the user, in the same conversation, replying to the activity.</summary>
internal sealed record Reply(string Type, string Text, JsonElement From, JsonElement Recipient, JsonElement Conversation, string? ReplyToId);
