using System.Text.Json;
using JobSheetQA.Bot.Channels.Slack;

namespace JobSheetQA.Bot.Tests.Channels.Slack;

/// <summary>How Slack payloads map to channel-neutral messages: addresses, senders, threads, the command text.</summary>
public sealed class SlackInboundParserTests
{
    [Theory]
    [InlineData("staging", "promote staging")]
    [InlineData("staging skip parity", "promote staging skip parity")]
    [InlineData("production --dry-run", "promote production --dry-run")]
    [InlineData("status", "status")]
    [InlineData("status staging", "status staging")]
    [InlineData("Cancel p-42", "Cancel p-42")]
    [InlineData("help", "help")]
    [InlineData("", "")]
    public void The_text_after_the_slash_command_is_the_grammar_a_bare_environment_means_promote(string typed, string text) =>
        Assert.Equal(text, SlackInboundParser.CommandText(typed));

    [Fact]
    public void A_slash_command_maps_to_a_message_from_its_user_in_its_channel()
    {
        var parsed = SlackInboundParser.ParseCommand(new Dictionary<string, string>
        {
            ["team_id"] = "T1",
            ["channel_id"] = "C1",
            ["user_id"] = "U1",
            ["user_name"] = "dana",
            ["command"] = "/promote",
            ["text"] = "staging skip parity",
            ["response_url"] = "https://hooks.slack.com/commands/1",
            ["trigger_id"] = "trig.1",
        }, "ephemeral");

        var turn = Assert.IsType<SlackInboundTurn>(parsed.Turn);
        Assert.Equal("promote staging skip parity", turn.Message.Text);
        Assert.Equal("command:trig.1", turn.Message.InboundId);
        Assert.Equal(new JobSheetQA.Bot.Chat.Turns.ConversationAddress("slack", "C1", TeamId: "T1", TenantId: "T1", UserId: "U1"), turn.Message.Conversation);
        Assert.Equal(new JobSheetQA.Rules.Facts.RequesterIdentity("slack", "U1", "dana"), turn.Message.Sender);
        Assert.Equal(new Uri("https://hooks.slack.com/commands/1"), turn.Route.ResponseUrl);
    }

    [Fact]
    public void A_mention_maps_to_its_thread_with_the_bot_mention_stripped_and_the_user_id_as_name()
    {
        using var json = JsonDocument.Parse("""
            {"type":"event_callback","team_id":"T1","event_id":"Ev1",
             "authorizations":[{"user_id":"UBOT","is_bot":true}],
             "event":{"type":"app_mention","user":"U1","text":"<@UBOT> promote staging with <@U2>","ts":"1.2","channel":"C1","thread_ts":"1.0"}}
            """);

        var turn = SlackInboundParser.ParseEvent(json.RootElement, configuredBotUserId: null).Turn!;

        Assert.Equal("promote staging with <@U2>", turn.Message.Text);
        Assert.Equal("message:C1:1.2", turn.Message.InboundId);
        Assert.Equal("Ev1", turn.EventId);
        Assert.Equal("1.0", turn.Message.Conversation.ThreadId);
        Assert.Equal("UBOT", turn.Message.Conversation.BotId);
        Assert.Equal("T1", turn.Message.Conversation.TenantId);
        Assert.Equal("U1", turn.Message.Sender.DisplayName);
        Assert.Equal(new SlackReplyRoute("C1", "1.0"), turn.Route);
    }

    [Theory]
    [InlineData("<@UBOT> I_ACCEPT_PARITY_SKIP", "I_ACCEPT_PARITY_SKIP")]
    [InlineData("<@UBOT>  I_ACCEPT_PARITY_SKIP ", "I_ACCEPT_PARITY_SKIP ")]
    [InlineData("I_ACCEPT_PARITY_SKIP <@UBOT>", "I_ACCEPT_PARITY_SKIP")]
    [InlineData("<@UBOT|jobsheetqa> status", "status")]
    [InlineData("status", "status")]
    public void Only_the_bots_mention_is_stripped_the_rest_stays_as_typed(string text, string expected) =>
        Assert.Equal(expected, SlackText.StripBotMention(text, "UBOT"));

    [Fact]
    public void An_event_without_an_event_id_is_malformed() =>
        Assert.NotNull(Parse("""{"type":"event_callback","event":{"type":"app_mention","user":"U1","text":"x","ts":"1","channel":"C1"}}""").Error);

    [Fact]
    public void A_message_in_a_channel_without_the_bots_mention_is_ignored() =>
        Assert.NotNull(Parse("""{"type":"event_callback","event_id":"E","authorizations":[{"user_id":"UBOT","is_bot":true}],"event":{"type":"message","channel_type":"channel","user":"U1","text":"hi all","ts":"1","channel":"C1"}}""").Ignored);

    private static SlackInboundParse Parse(string body)
    {
        using var json = JsonDocument.Parse(body);
        return SlackInboundParser.ParseEvent(json.RootElement, null);
    }

    // C2.14–C2.15: where each payload shape says the request comes from.
    [Fact]
    public void An_event_is_for_its_authorization_and_from_its_user_team()
    {
        using var body = JsonDocument.Parse("""
            {"type":"event_callback","event_id":"Ev1","team_id":"T0SOURCE","enterprise_id":"E0SOURCE","is_ext_shared_channel":true,
             "authorizations":[{"team_id":"T0OURS","enterprise_id":"E0OURS","user_id":"UBOT","is_bot":true}],
             "event":{"type":"app_mention","user":"U1","team":"T0SOURCE","user_team":"T0VENDOR","channel":"C1","ts":"1.0","text":"<@UBOT> hi"}}
            """);

        var parsed = SlackInboundParser.ParseEvent(body.RootElement, null);

        Assert.Equal(new SlackActor("T0OURS", "E0OURS", "T0VENDOR", true), parsed.Actor);
    }

    [Fact]
    public void An_event_without_authorizations_or_user_team_falls_back_to_team_id_and_event_team()
    {
        using var body = JsonDocument.Parse("""
            {"type":"event_callback","event_id":"Ev2","team_id":"T0OURS",
             "event":{"type":"message","channel_type":"im","user":"U1","team":"T0OURS","channel":"D1","ts":"1.0","text":"hi"}}
            """);

        Assert.Equal(new SlackActor("T0OURS", null, "T0OURS", null), SlackInboundParser.ParseEvent(body.RootElement, null).Actor);
    }

    [Fact]
    public void A_slash_command_is_for_its_team_and_enterprise()
    {
        var parsed = SlackInboundParser.ParseCommand(new Dictionary<string, string>
        {
            ["team_id"] = "T1",
            ["enterprise_id"] = "E1",
            ["channel_id"] = "C1",
            ["user_id"] = "U1",
            ["command"] = "/promote",
            ["text"] = "help",
            ["response_url"] = "https://hooks.slack.com/commands/1",
        }, "ephemeral");

        Assert.Equal(new SlackActor("T1", "E1", null, null), parsed.Actor);
    }

    [Fact]
    public void A_click_is_for_its_team_and_from_its_users_team()
    {
        using var payload = JsonDocument.Parse("""
            {"type":"block_actions","user":{"id":"U1","team_id":"T0VENDOR"},"team":{"id":"T0OURS","enterprise_id":"E0OURS"},"enterprise":null,
             "channel":{"id":"C1"},"response_url":"https://hooks.slack.com/actions/1","actions":[{"action_id":"cmd:0:0","value":"help"}]}
            """);

        Assert.Equal(new SlackActor("T0OURS", "E0OURS", "T0VENDOR", null), SlackInboundParser.ParseInteraction(payload.RootElement, null).Actor);
    }
}
