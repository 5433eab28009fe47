using System.Net;
using System.Text.Json.Nodes;
using JobSheetQA.Bot.Chat.Turns;
using JobSheetQA.Bot.Tests.Channels.Slack.Support;
using Microsoft.Extensions.DependencyInjection;

namespace JobSheetQA.Bot.Tests.Channels.Slack;

/// <summary>Interactivity (docs/protocol-conformance.md C2.11): a click is acknowledged, the clicked message replaced, the
/// inputs read from state.values.</summary>
public sealed class SlackInteractionsTests : IAsyncLifetime
{
    private SlackTestHost slack = null!;

    public async Task InitializeAsync() =>
        slack = await SlackTestHost.StartAsync(configureServices: services => services.AddSingleton<IChatFormHandler, EchoFormHandler>());

    public async Task DisposeAsync() => await slack.DisposeAsync();

    [Fact]
    public async Task A_button_sends_its_command_the_original_is_replaced_and_the_answer_goes_in_the_thread()
    {
        var payload = slack.BlockActions("C0CLICK", "click", new JsonObject
        {
            ["action_id"] = "cmd:1:0",
            ["block_id"] = "b1",
            ["type"] = "button",
            ["value"] = "promot staging",
            ["text"] = new JsonObject { ["type"] = "plain_text", ["text"] = "Try again" },
            ["action_ts"] = "1764150100.000001",
        });

        var ack = await slack.PostInteractionAsync(payload);

        Assert.Equal(HttpStatusCode.OK, ack.StatusCode);
        Assert.Equal("", await ack.Content.ReadAsStringAsync());
        var replaced = await slack.Api.WaitForCallAsync("response_url", c => c.Str("__id") == "click");
        Assert.True(replaced.Body["replace_original"]!.GetValue<bool>());
        var blocks = replaced.Body["blocks"]!.AsArray();
        Assert.DoesNotContain(blocks, b => b!["type"]!.GetValue<string>() is "actions" or "input");
        Assert.Equal("section", blocks[0]!["type"]!.GetValue<string>());
        Assert.Equal("<@U0DANA> chose *Try again*", blocks[^1]!["elements"]![0]!["text"]!.GetValue<string>());

        var answer = await slack.Api.WaitForCallAsync("chat.postMessage", c => c.Str("channel") == "C0CLICK");
        Assert.Equal("1764150000.000050", answer.Str("thread_ts"));
        Assert.Contains("Did you mean `promote staging`?", answer.Str("text"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_form_submission_reads_its_inputs_from_state_values()
    {
        var payload = slack.BlockActions("C0FORM", "form", new JsonObject
        {
            ["action_id"] = "form-submit",
            ["block_id"] = "submit",
            ["type"] = "button",
            ["value"] = EchoFormHandler.FormId,
            ["text"] = new JsonObject { ["type"] = "plain_text", ["text"] = "Acknowledge" },
        });
        payload["state"] = new JsonObject
        {
            ["values"] = new JsonObject
            {
                [$"{EchoFormHandler.FormId}/reason"] = new JsonObject { ["reason"] = new JsonObject { ["type"] = "plain_text_input", ["value"] = "I_ACCEPT_PARITY_SKIP" } },
                [$"{EchoFormHandler.FormId}/health"] = new JsonObject
                {
                    ["health"] = new JsonObject
                    {
                        ["type"] = "checkboxes",
                        ["selected_options"] = new JsonArray(new JsonObject { ["text"] = new JsonObject { ["type"] = "plain_text", ["text"] = "Health" }, ["value"] = "health" }),
                    },
                },
                [$"{EchoFormHandler.FormId}/smoke"] = new JsonObject { ["smoke"] = new JsonObject { ["type"] = "checkboxes", ["selected_options"] = new JsonArray() } },
                ["other-form/reason"] = new JsonObject { ["reason"] = new JsonObject { ["type"] = "plain_text_input", ["value"] = "not mine" } },
            },
        };

        Assert.Equal(HttpStatusCode.OK, (await slack.PostInteractionAsync(payload)).StatusCode);

        var answer = await slack.Api.WaitForCallAsync("chat.postMessage", c => c.Str("channel") == "C0FORM");
        Assert.Equal("echo from dana.okafor (U0DANA): health=health; reason=I_ACCEPT_PARITY_SKIP; smoke=false; health checked=True", answer.Str("text"));
        var replaced = await slack.Api.WaitForCallAsync("response_url", c => c.Str("__id") == "form");
        Assert.Equal("<@U0DANA> submitted *Acknowledge*", replaced.Body["blocks"]!.AsArray()[^1]!["elements"]![0]!["text"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_click_on_an_ephemeral_message_is_answered_through_the_response_url()
    {
        var payload = slack.BlockActions("C0EPH", "eph", new JsonObject { ["action_id"] = "cmd:0:0", ["type"] = "button", ["value"] = "promot staging" });
        payload["container"]!["is_ephemeral"] = true;

        await slack.PostInteractionAsync(payload);

        await slack.Api.WaitForCallAsync("response_url", c => c.Str("__id") == "eph" && c.Str("response_type") == "ephemeral"
            && c.Str("text")?.Contains("Did you mean", StringComparison.Ordinal) == true);
        Assert.DoesNotContain(slack.Api.CallsTo("chat.postMessage"), c => c.Str("channel") == "C0EPH");
    }

    [Theory]
    [InlineData("view_submission")]
    [InlineData("shortcut")]
    [InlineData("message_action")]
    public async Task Other_payload_types_are_acknowledged(string type)
    {
        var response = await slack.PostInteractionAsync(new JsonObject { ["type"] = type, ["user"] = new JsonObject { ["id"] = "U0DANA" } });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task A_click_on_the_run_link_is_acknowledged_and_nothing_is_posted()
    {
        var payload = slack.BlockActions("C0LINK", "link", new JsonObject { ["action_id"] = "link", ["type"] = "button", ["url"] = "https://example.test/run/1" });

        Assert.Equal(HttpStatusCode.OK, (await slack.PostInteractionAsync(payload)).StatusCode);
    }
}
