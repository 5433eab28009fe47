using System.Net;
using JobSheetQA.Bot.Tests.Channels.Slack.Support;

namespace JobSheetQA.Bot.Tests.Channels.Slack;

/// <summary>Slash commands (docs/protocol-conformance.md C2.10): acknowledged empty at once, answered through response_url.</summary>
public sealed class SlackCommandsTests(SlackHostFixture fixture) : IClassFixture<SlackHostFixture>
{
    private SlackTestHost Slack => fixture.Slack;

    [Fact]
    public async Task A_slash_command_is_acknowledged_empty_and_answered_ephemerally_through_its_response_url()
    {
        var channel = SlackHostFixture.NewChannel();

        var ack = await Slack.PostCommandAsync(Slack.SlashCommand(channel, "U0DANA", "help", responseId: channel));

        Assert.Equal(HttpStatusCode.OK, ack.StatusCode);
        Assert.Equal("", await ack.Content.ReadAsStringAsync());
        var answer = await Slack.Api.WaitForCallAsync("response_url", c => c.Str("__id") == channel);
        Assert.Equal("ephemeral", answer.Str("response_type"));
        Assert.False(answer.Body["replace_original"]!.GetValue<bool>());
        Assert.False(string.IsNullOrWhiteSpace(answer.Str("text")));
        Assert.NotEmpty(answer.Body["blocks"]!.AsArray());
        Assert.Null(answer.Authorization);
        Assert.DoesNotContain(Slack.Api.CallsTo("chat.postMessage"), c => c.Str("channel") == channel);
    }

    [Fact]
    public async Task A_used_up_response_url_falls_back_to_an_ephemeral_message_for_the_asker()
    {
        var channel = SlackHostFixture.NewChannel();
        Slack.Api.Script("response_url", new SlackDoubleResponse(Status: 404));

        await Slack.PostCommandAsync(Slack.SlashCommand(channel, "U0DANA", "help", responseId: channel));

        var ephemeral = await Slack.Api.WaitForCallAsync("chat.postEphemeral", c => c.Str("channel") == channel);
        Assert.Equal("U0DANA", ephemeral.Str("user"));
        Assert.False(string.IsNullOrWhiteSpace(ephemeral.Str("text")));
    }
}

/// <summary><c>Slack:CommandResponseType=in_channel</c> shows answers to the whole channel.</summary>
public sealed class SlackInChannelCommandsTests : IAsyncLifetime
{
    private SlackTestHost slack = null!;

    public async Task InitializeAsync() =>
        slack = await SlackTestHost.StartAsync(new Dictionary<string, string?> { ["Slack:CommandResponseType"] = "in_channel" });

    public async Task DisposeAsync() => await slack.DisposeAsync();

    [Fact]
    public async Task In_channel_is_honoured()
    {
        await slack.PostCommandAsync(slack.SlashCommand("C0PUBLIC", "U0DANA", "help", responseId: "public"));

        var answer = await slack.Api.WaitForCallAsync("response_url", c => c.Str("__id") == "public");
        Assert.Equal("in_channel", answer.Str("response_type"));
    }
}
