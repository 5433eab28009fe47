using System.Net;
using System.Text.Json.Nodes;
using JobSheetQA.Bot.Tests.Channels.Slack.Support;
using JobSheetQA.Bot.Tests.Jobs.Support;

namespace JobSheetQA.Bot.Tests.Channels.Slack;

/// <summary>
/// A promotion asked for in Slack, with requests shaped like Slack's (issue #15): the acknowledgement prompt (an
/// ephemeral answer to <c>/promote</c>, whose clicks Slack sends without the message) is replaced once its button is
/// pressed, so its controls are gone; the status card and the outcome thread under the message that asked.
/// </summary>
public sealed class SlackPromotionThreadTests : IAsyncLifetime
{
    private const string Channel = "C0PROMO";
    private TrackingBed bed = null!;
    private SlackTestHost slack = null!;

    public async Task InitializeAsync()
    {
        bed = await TrackingBed.StartAsync();
        slack = await SlackTestHost.StartAsync(bed.Settings());
    }

    public async Task DisposeAsync()
    {
        await slack.DisposeAsync();
        await bed.DisposeAsync();
    }

    [Fact]
    public async Task Pressing_the_acknowledgement_button_replaces_the_ephemeral_prompt_once_without_its_controls()
    {
        Assert.Equal(HttpStatusCode.OK, (await slack.PostCommandAsync(slack.SlashCommand(Channel, "U0DANA", "staging skip parity", "prompt"))).StatusCode);
        var prompt = await slack.Api.WaitForCallAsync("response_url", c => c.Str("__id") == "prompt" && c.Body["blocks"] is JsonArray blocks
            && blocks.Any(b => b!["type"]!.GetValue<string>() == "input"));
        var blocks = prompt.Body["blocks"]!.AsArray();
        var input = blocks.Single(b => b!["type"]!.GetValue<string>() == "input")!;
        var submit = blocks.Where(b => b!["type"]!.GetValue<string>() == "actions")
            .SelectMany(b => b!["elements"]!.AsArray())
            .Single(e => e!["action_id"]!.GetValue<string>() == "form-submit")!;

        // As Slack sends a click on an ephemeral message: the container says so, and there is no "message".
        var click = new JsonObject
        {
            ["type"] = "block_actions",
            ["user"] = new JsonObject { ["id"] = "U0DANA", ["username"] = "dana.okafor", ["name"] = "dana.okafor", ["team_id"] = SlackTestHost.TeamId },
            ["api_app_id"] = "A0TEST",
            ["container"] = new JsonObject { ["type"] = "message", ["message_ts"] = "1764150000.000070", ["channel_id"] = Channel, ["is_ephemeral"] = true },
            ["trigger_id"] = $"{Guid.NewGuid():N}.trigger",
            ["team"] = new JsonObject { ["id"] = SlackTestHost.TeamId, ["domain"] = "jobsheetqa" },
            ["channel"] = new JsonObject { ["id"] = Channel, ["name"] = "releases" },
            ["state"] = new JsonObject
            {
                ["values"] = new JsonObject
                {
                    [input["block_id"]!.GetValue<string>()] = new JsonObject
                    {
                        [input["element"]!["action_id"]!.GetValue<string>()] = new JsonObject
                        {
                            ["type"] = "plain_text_input",
                            ["value"] = TrackingBed.ParitySkipAcknowledgement,
                        },
                    },
                },
            },
            ["response_url"] = slack.Api.ResponseUrl("click").ToString(),
            ["actions"] = new JsonArray(new JsonObject
            {
                ["action_id"] = "form-submit",
                ["block_id"] = "submit",
                ["type"] = "button",
                ["value"] = submit["value"]!.GetValue<string>(),
                ["text"] = new JsonObject { ["type"] = "plain_text", ["text"] = "Acknowledge" },
                ["action_ts"] = "1764150001.000001",
            }),
        };

        Assert.Equal(HttpStatusCode.OK, (await slack.PostInteractionAsync(click)).StatusCode);

        var replaced = await slack.Api.WaitForCallAsync("response_url", c => c.Str("__id") == "click" && c.Body["replace_original"]?.GetValue<bool>() == true);
        Assert.Equal("ephemeral", replaced.Str("response_type"));
        var replacement = replaced.Body["blocks"]!.AsArray();
        Assert.DoesNotContain(replacement, b => b!["type"]!.GetValue<string>() is "actions" or "input");
        Assert.Equal("<@U0DANA> submitted *Acknowledge*", replacement[^1]!["elements"]![0]!["text"]!.GetValue<string>());

        // The acknowledgement itself was taken: the promotion is dispatched, and the prompt was replaced exactly once.
        await slack.Api.WaitForCallAsync("response_url", c => c.Str("__id") == "click" && c.Str("text")?.Contains("Dispatched", StringComparison.Ordinal) == true);
        Assert.Single(slack.Api.CallsTo("response_url"), c => c.Str("__id") == "click" && c.Body["replace_original"]?.GetValue<bool>() == true);
    }

    [Fact]
    public async Task The_status_card_and_the_outcome_thread_under_the_message_that_asked_even_after_other_threads_spoke()
    {
        const string asked = "1764150000.000100";
        await slack.PostEventAsync(slack.Callback(SlackTestHost.AppMention(Channel, "U0DANA", $"<@{SlackTestHost.BotUserId}> promote staging", asked)));
        await slack.Api.WaitForCallAsync("chat.postMessage", c => c.Str("channel") == Channel && c.Str("thread_ts") == asked
            && c.Str("text")?.Contains("Dispatched", StringComparison.Ordinal) == true);

        // Someone speaks in another thread of the same channel while the run goes on.
        const string other = "1764150000.000200";
        await slack.PostEventAsync(slack.Callback(SlackTestHost.AppMention(Channel, "U0VERA", $"<@{SlackTestHost.BotUserId}> help", other)));
        await slack.Api.WaitForCallAsync("chat.postMessage", c => c.Str("channel") == Channel && c.Str("thread_ts") == other);

        var outcome = await slack.Api.WaitForCallAsync("chat.postMessage", c => c.Str("channel") == Channel
            && c.Str("text")?.Contains("succeeded: every gate passed", StringComparison.Ordinal) == true, TimeSpan.FromSeconds(60));
        Assert.Equal(asked, outcome.Str("thread_ts"));
        var card = Assert.Single(slack.Api.CallsTo("chat.postMessage"), c => c.Str("channel") == Channel && c.Str("text")?.Contains("promote staging ·", StringComparison.Ordinal) == true);
        Assert.Equal(asked, card.Str("thread_ts"));
    }
}
