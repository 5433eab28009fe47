using System.Net;
using JobSheetQA.Bot.Tests.Channels.Slack.Support;

namespace JobSheetQA.Bot.Tests.Channels.Slack;

/// <summary>
/// The Events API (docs/protocol-conformance.md C2.7 and C2.9): mentions and direct messages are answered in their thread,
/// repeats are handled once, bots and edits are ignored. Doubles as the Slack transcript of what exists on main:
/// unknown text gets the did-you-mean and the help.
/// </summary>
public sealed class SlackEventsTests(SlackHostFixture fixture) : IClassFixture<SlackHostFixture>
{
    private SlackTestHost Slack => fixture.Slack;

    [Fact]
    public async Task A_mention_is_answered_in_its_thread_with_the_mention_stripped_and_a_did_you_mean()
    {
        var channel = SlackHostFixture.NewChannel();

        var ack = await Slack.PostEventAsync(Slack.Callback(SlackTestHost.AppMention(channel, "U0DANA", $"<@{SlackTestHost.BotUserId}> promot staging", "1764150001.000100")));

        Assert.Equal(HttpStatusCode.OK, ack.StatusCode);
        var reply = await Slack.Api.WaitForCallAsync("chat.postMessage", c => c.Str("channel") == channel);
        Assert.Equal("1764150001.000100", reply.Str("thread_ts"));
        Assert.Equal($"Bearer {SlackTestHost.BotToken}", reply.Authorization);
        Assert.StartsWith("application/json", reply.ContentType, StringComparison.Ordinal);
        Assert.Contains("I don't know \"promot\".", reply.Str("text"), StringComparison.Ordinal);
        Assert.Contains("Did you mean `promote staging`?", reply.Str("text"), StringComparison.Ordinal);
        Assert.Contains("Commands:", reply.Str("text"), StringComparison.Ordinal);
        Assert.NotEmpty(reply.Body["blocks"]!.AsArray());
    }

    [Fact]
    public async Task A_mention_inside_a_thread_is_answered_in_that_thread()
    {
        var channel = SlackHostFixture.NewChannel();

        await Slack.PostEventAsync(Slack.Callback(SlackTestHost.AppMention(channel, "U0DANA", $"<@{SlackTestHost.BotUserId}> stauts", "1764150002.000200", threadTs: "1764150000.000001")));

        var reply = await Slack.Api.WaitForCallAsync("chat.postMessage", c => c.Str("channel") == channel);
        Assert.Equal("1764150000.000001", reply.Str("thread_ts"));
        Assert.Contains("Did you mean `status`?", reply.Str("text"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_direct_message_is_answered_without_a_mention()
    {
        var channel = "D" + SlackHostFixture.NewChannel()[1..];

        await Slack.PostEventAsync(Slack.Callback(SlackTestHost.Message(channel, "U0DANA", "help", "1764150003.000300")));

        var reply = await Slack.Api.WaitForCallAsync("chat.postMessage", c => c.Str("channel") == channel);
        Assert.False(string.IsNullOrWhiteSpace(reply.Str("text")));
        Assert.Equal("1764150003.000300", reply.Str("thread_ts"));
    }

    [Fact]
    public async Task Slack_escapes_are_undone_before_parsing()
    {
        var channel = "D" + SlackHostFixture.NewChannel()[1..];

        await Slack.PostEventAsync(Slack.Callback(SlackTestHost.Message(channel, "U0DANA", "promot &lt;staging&gt; &amp; more", "1764150004.000400")));

        var reply = await Slack.Api.WaitForCallAsync("chat.postMessage", c => c.Str("channel") == channel);
        Assert.Contains("Did you mean `promote <staging> & more`?", reply.Str("text"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_retried_event_id_is_acknowledged_each_time_and_handled_once()
    {
        var channel = SlackHostFixture.NewChannel();
        var callback = Slack.Callback(SlackTestHost.AppMention(channel, "U0DANA", $"<@{SlackTestHost.BotUserId}> promot staging", "1764150005.000500"));

        var first = await Slack.PostEventAsync(callback);
        var retry = await Slack.PostEventAsync(callback, r =>
        {
            r.Headers.Add("X-Slack-Retry-Num", "1");
            r.Headers.Add("X-Slack-Retry-Reason", "http_timeout");
        });
        await AnswerControlAsync(channel);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, retry.StatusCode);
        Assert.Single(Slack.Api.CallsTo("chat.postMessage"), c => c.Str("channel") == channel && c.Str("thread_ts") == "1764150005.000500");
    }

    [Fact]
    public async Task A_mention_and_a_message_event_for_the_same_message_get_one_reply()
    {
        var channel = SlackHostFixture.NewChannel();
        var text = $"<@{SlackTestHost.BotUserId}> promot staging";

        await Slack.PostEventAsync(Slack.Callback(SlackTestHost.AppMention(channel, "U0DANA", text, "1764150006.000600")));
        await Slack.PostEventAsync(Slack.Callback(SlackTestHost.Message(channel, "U0DANA", text, "1764150006.000600", channelType: "channel")));
        await AnswerControlAsync(channel);

        Assert.Single(Slack.Api.CallsTo("chat.postMessage"), c => c.Str("channel") == channel && c.Str("thread_ts") == "1764150006.000600");
    }

    [Fact]
    public async Task Own_messages_other_bots_edits_and_channel_chatter_are_acknowledged_and_ignored()
    {
        var channel = SlackHostFixture.NewChannel();
        var own = SlackTestHost.Message(channel, SlackTestHost.BotUserId, "promot staging", "1764150007.000001", channelType: "im");
        var otherBot = SlackTestHost.Message(channel, "U0OTHERBOT", "promot staging", "1764150007.000002", channelType: "im");
        otherBot["bot_id"] = "B0OTHER";
        var edit = SlackTestHost.Message(channel, "U0DANA", "promot staging", "1764150007.000003", channelType: "im");
        edit["subtype"] = "message_changed";
        var chatter = SlackTestHost.Message(channel, "U0DANA", "lunch anyone?", "1764150007.000004", channelType: "channel");

        foreach (var ignored in new[] { own, otherBot, edit, chatter })
            Assert.Equal(HttpStatusCode.OK, (await Slack.PostEventAsync(Slack.Callback(ignored))).StatusCode);
        await AnswerControlAsync(channel);

        var replies = Slack.Api.CallsTo("chat.postMessage").Where(c => c.Str("channel") == channel).ToList();
        Assert.Single(replies);
        Assert.Equal("1764150009.999999", replies[0].Str("thread_ts"));
    }

    [Fact]
    public async Task Other_event_types_are_acknowledged_and_ignored()
    {
        var response = await Slack.PostEventAsync(Slack.Callback(new System.Text.Json.Nodes.JsonObject { ["type"] = "reaction_added", ["user"] = "U0DANA" }));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    /// <summary>Sends a mention in <paramref name="channel"/> and waits for its answer: with one worker, everything sent before it has been handled.</summary>
    private async Task AnswerControlAsync(string channel)
    {
        await Slack.PostEventAsync(Slack.Callback(SlackTestHost.AppMention(channel, "U0DANA", $"<@{SlackTestHost.BotUserId}> control", "1764150009.999999")));
        await Slack.Api.WaitForCallAsync("chat.postMessage", c => c.Str("channel") == channel && c.Str("thread_ts") == "1764150009.999999");
    }
}
