using System.Net;
using JobSheetQA.Bot.Chat.Turns;
using JobSheetQA.Bot.Tests.Channels.Slack.Support;
using Microsoft.Extensions.DependencyInjection;

namespace JobSheetQA.Bot.Tests.Channels.Slack;

/// <summary>The inbound queue is bounded: when it is full Slack is told to come back later (503) and nothing queued is lost.</summary>
public sealed class SlackBackpressureTests : IAsyncLifetime
{
    private SlackTestHost slack = null!;

    public async Task InitializeAsync() =>
        slack = await SlackTestHost.StartAsync(
            new Dictionary<string, string?> { ["Inbound:Workers"] = "1", ["Slack:QueueCapacity"] = "1" },
            services => services.AddSingleton<IChatTextHandler, SlowTextHandler>());

    public async Task DisposeAsync() => await slack.DisposeAsync();

    [Fact]
    public async Task A_full_queue_answers_503_so_slack_retries_and_what_was_queued_is_still_answered()
    {
        // The one worker is busy with the slow message; the next one waits in the queue; the third finds it full.
        await slack.PostEventAsync(slack.Callback(SlackTestHost.Message("D0BUSY", "U0DANA", SlowTextHandler.Text, "1764150400.000001")));
        await WaitUntilTakenAsync();
        var queued = await slack.PostEventAsync(slack.Callback(SlackTestHost.Message("D0BUSY", "U0DANA", "promot staging", "1764150400.000002")));
        var refused = await slack.PostEventAsync(slack.Callback(SlackTestHost.Message("D0BUSY", "U0DANA", "promot production", "1764150400.000003")));

        Assert.Equal(HttpStatusCode.OK, queued.StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
        await slack.Api.WaitForCallAsync("chat.postMessage", c => c.Str("thread_ts") == "1764150400.000002");
        await slack.Api.WaitForCallAsync("chat.postMessage", c => c.Str("thread_ts") == "1764150400.000001");
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
}
