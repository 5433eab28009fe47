using System.Net;
using JobSheetQA.Bot.Storage;
using JobSheetQA.Bot.Tests.Channels.Slack.Support;
using JobSheetQA.Bot.Tests.Channels.Support;

namespace JobSheetQA.Bot.Tests.Channels.Slack;

/// <summary>
/// Issue #15: Slack requests are stored in the durable inbound queue before Slack is acknowledged, so those still
/// waiting when the bot stops are answered after it starts again, once each and in order per channel.
/// </summary>
public sealed class SlackDurableTurnTests
{
    [Fact]
    public async Task Slack_turns_waiting_when_the_bot_stopped_are_answered_once_after_the_restart_in_order()
    {
        var folder = Directory.CreateTempSubdirectory("jobsheetqa-slack-durable-").FullName;
        try
        {
            var closed = new GatedEchoHandler.TurnGate();
            var statuses = new List<HttpStatusCode>();
            await using (var first = await SlackTestHost.StartAsync(
                new Dictionary<string, string?> { ["Inbound:Workers"] = "1" }, services => GatedEchoHandler.Install(services, closed), folder))
            {
                statuses.Add(await PostAsync(first, "D0ONE", "hold first", "1764150500.000001"));
                var held = first.Bot.Get<GatedEchoHandler>();
                var deadline = DateTime.UtcNow.AddSeconds(10);
                while (!held.Started.Contains("hold first"))
                {
                    Assert.True(DateTime.UtcNow < deadline, "the worker never took the held message");
                    await Task.Delay(10);
                }

                statuses.Add(await PostAsync(first, "D0ONE", "echo one", "1764150500.000002"));
                statuses.Add(await PostAsync(first, "D0TWO", "echo two", "1764150500.000003"));
                statuses.Add(await PostAsync(first, "D0ONE", "echo three", "1764150500.000004"));
                // Slack sends one message as a message event and again as an app_mention: stored once.
                statuses.Add(await PostAsync(first, "D0ONE", "echo three", "1764150500.000004"));
                Assert.Equal(3, await first.Bot.Get<InboundTurnStore>().CountWaitingAsync("slack"));
                Assert.Empty(first.Api.CallsTo("chat.postMessage"));
            }

            Assert.All(statuses, status => Assert.Equal(HttpStatusCode.OK, status));
            var open = new GatedEchoHandler.TurnGate();
            open.Open();
            await using var second = await SlackTestHost.StartAsync(configureServices: services => GatedEchoHandler.Install(services, open), contentRoot: folder);
            await second.Api.WaitForCallAsync("chat.postMessage", c => c.Str("thread_ts") == "1764150500.000004");
            await second.Api.WaitForCallAsync("chat.postMessage", c => c.Str("thread_ts") == "1764150500.000003");
            await StoredTurns.WaitUntilFinishedAsync(second.Bot.Services);

            var posts = second.Api.CallsTo("chat.postMessage");
            Assert.Equal(["held: first", "echo: one", "echo: three"], posts.Where(c => c.Str("channel") == "D0ONE").Select(c => c.Str("text")));
            Assert.Equal(["echo: two"], posts.Where(c => c.Str("channel") == "D0TWO").Select(c => c.Str("text")));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task<HttpStatusCode> PostAsync(SlackTestHost slack, string channel, string text, string ts)
    {
        using var response = await slack.PostEventAsync(slack.Callback(SlackTestHost.Message(channel, "U0DANA", text, ts)));
        return response.StatusCode;
    }
}
