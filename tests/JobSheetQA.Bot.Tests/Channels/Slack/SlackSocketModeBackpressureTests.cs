using System.Text.Json.Nodes;
using JobSheetQA.Bot.Channels.Slack;
using JobSheetQA.Bot.Chat.Turns;
using JobSheetQA.Bot.Tests.Channels.Slack.Support;
using Microsoft.Extensions.DependencyInjection;

namespace JobSheetQA.Bot.Tests.Channels.Slack;

/// <summary>
/// Socket Mode's twin of the HTTP 503: an envelope the full inbound queue cannot take is not acknowledged, so Slack
/// delivers it again (an acknowledged envelope never comes back) and nothing is lost.
/// </summary>
public sealed class SlackSocketModeBackpressureTests : IAsyncLifetime
{
    private SlackTestHost slack = null!;

    public async Task InitializeAsync()
    {
        slack = await SlackTestHost.StartAsync(
            new Dictionary<string, string?> { ["Slack:AppToken"] = SlackTestHost.AppToken, ["Inbound:Workers"] = "1", ["Slack:QueueCapacity"] = "1" },
            services => services.AddSingleton<IChatTextHandler, SlowTextHandler>());
        await slack.Api.WaitForSocketConnectionsAsync(1);
    }

    public async Task DisposeAsync() => await slack.DisposeAsync();

    [Fact]
    public async Task An_envelope_the_full_queue_cannot_take_is_not_acknowledged_and_its_redelivery_is_answered()
    {
        // The one worker is busy with the slow message; the next one waits in the queue; the third finds it full.
        await SendAndWaitForAckAsync("env-busy", Message(SlowTextHandler.Text, "1764150500.000001"));
        await WaitUntilTakenAsync();
        await SendAndWaitForAckAsync("env-queued", Message("promot staging", "1764150500.000002"));
        var refused = Message("promot production", "1764150500.000003");
        await slack.Api.SendToSocketAsync(Envelope("env-refused", refused));
        // Frames are handled in order: once this ignored envelope is acknowledged, the refused one has been dealt with.
        await SendAndWaitForAckAsync("env-fence", new JsonObject { ["type"] = "view_submission" }, "interactive");

        Assert.DoesNotContain(slack.Api.SocketReceived, m => m["envelope_id"]?.GetValue<string>() == "env-refused");

        // Slack redelivers the unacknowledged envelope; once the queue has room it is taken, acknowledged and answered.
        await slack.Api.WaitForCallAsync("chat.postMessage", c => c.Str("thread_ts") == "1764150500.000002");
        await SendAndWaitForAckAsync("env-refused", refused, retryAttempt: 1);
        await slack.Api.WaitForCallAsync("chat.postMessage", c => c.Str("thread_ts") == "1764150500.000003");
        await slack.Api.WaitForCallAsync("chat.postMessage", c => c.Str("thread_ts") == "1764150500.000001");
    }

    private JsonObject Message(string text, string ts) => slack.Callback(SlackTestHost.Message("D0SOCKBUSY", "U0DANA", text, ts));

    private async Task SendAndWaitForAckAsync(string id, JsonObject payload, string type = "events_api", int retryAttempt = 0)
    {
        var acks = slack.Api.SocketReceived.Count(m => m["envelope_id"]?.GetValue<string>() == id);
        await slack.Api.SendToSocketAsync(Envelope(id, payload, type, retryAttempt));
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (slack.Api.SocketReceived.Count(m => m["envelope_id"]?.GetValue<string>() == id) == acks)
        {
            Assert.True(DateTime.UtcNow < deadline, $"envelope {id} was never acknowledged");
            await Task.Delay(20);
        }
    }

    /// <summary>Waits until the worker has claimed the slow message (no Slack turn is waiting any more).</summary>
    private async Task WaitUntilTakenAsync()
    {
        var turns = slack.Bot.Get<JobSheetQA.Bot.Storage.InboundTurnStore>();
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (await turns.CountWaitingAsync("slack") > 0)
        {
            Assert.True(DateTime.UtcNow < deadline, "the worker never took the first message");
            await Task.Delay(10);
        }
    }

    private static string Envelope(string id, JsonObject payload, string type = "events_api", int retryAttempt = 0) =>
        new JsonObject
        {
            ["envelope_id"] = id,
            ["payload"] = payload.DeepClone(),
            ["type"] = type,
            ["accepts_response_payload"] = false,
            ["retry_attempt"] = retryAttempt,
            ["retry_reason"] = retryAttempt == 0 ? "" : "timeout",
        }.ToJsonString();
}
