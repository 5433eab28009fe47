using JobSheetQA.Bot.Channels.Slack;
using JobSheetQA.Bot.Chat.Outbound;
using JobSheetQA.Bot.Chat.Replies;
using JobSheetQA.Bot.Chat.Turns;
using JobSheetQA.Bot.Storage;
using JobSheetQA.Bot.Tests.Channels.Slack.Support;
using JobSheetQA.Bot.Tests.GitHub;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace JobSheetQA.Bot.Tests.Channels.Slack;

/// <summary>
/// The Web API client and sender against the double (docs/protocol-conformance.md C2.12): ok:false surfaced as results and
/// log entries, 429 waits for Retry-After, 5xx backs off, auth errors are never retried, tokens never logged.
/// </summary>
public sealed class SlackWebApiTests(SlackWebApiTests.Fixture fixture) : IClassFixture<SlackWebApiTests.Fixture>
{
    /// <summary>One bot for the class, its log lines captured. Each test posts to its own channel.</summary>
    public sealed class Fixture : IAsyncLifetime
    {
        internal CapturingLoggerProvider Logs { get; } = new();

        public SlackTestHost Slack { get; private set; } = null!;

        public async Task InitializeAsync() =>
            Slack = await SlackTestHost.StartAsync(
                // HttpClient's own logging would write request URLs, response_urls included.
                new Dictionary<string, string?> { ["Logging:LogLevel:System.Net.Http.HttpClient"] = "Trace" },
                services => services.AddSingleton<ILoggerProvider>(Logs));

        public async Task DisposeAsync() => await Slack.DisposeAsync();
    }

    private SlackTestHost Slack => fixture.Slack;

    private CapturingLoggerProvider Logs => fixture.Logs;

    private SlackChannelSender Sender => Slack.Bot.Get<SlackChannelSender>();

    private IReadOnlyList<SlackApiCall> Calls(string method, string channel) =>
        Slack.Api.CallsTo(method).Where(c => c.Str("channel") == channel).ToList();

    private static ConversationAddress Conversation(string channel, string? thread = null) => new("slack", channel, TeamId: SlackTestHost.TeamId, ThreadId: thread);

    [Fact]
    public async Task A_post_goes_into_the_thread_and_returns_the_ts_as_message_id()
    {
        var channel = SlackHostFixture.NewChannel();
        var sent = await Sender.SendAsync(Conversation(channel, "1764150000.000001"), Reply.Text("hello **there**"), CancellationToken.None);

        Assert.True(sent.Succeeded);
        var call = Assert.Single(Calls("chat.postMessage", channel));
        Assert.Equal(channel, call.Str("channel"));
        Assert.Equal("1764150000.000001", call.Str("thread_ts"));
        Assert.Equal("hello **there**", call.Str("text"));
        Assert.Equal("hello *there*", call.Body["blocks"]![0]!["text"]!["text"]!.GetValue<string>());
        Assert.Matches(@"^\d+\.\d{6}$", sent.MessageId);
    }

    [Theory]
    [InlineData("channel_not_found")]
    [InlineData("not_in_channel")]
    [InlineData("is_archived")]
    public async Task Ok_false_is_surfaced_as_a_permanent_failure_and_a_log_entry(string error)
    {
        var channel = SlackHostFixture.NewChannel();
        Slack.Api.Script("chat.postMessage", SlackDoubleResponse.OkFalse(error));

        var sent = await Sender.SendAsync(Conversation(channel), Reply.Text("hi"), CancellationToken.None);

        Assert.Equal(ChannelSendStatus.Permanent, sent.Status);
        Assert.Equal($"slack: {error}", sent.Error);
        Assert.Single(Calls("chat.postMessage", channel));
        Assert.Contains(Logs.Lines, line => line.Contains("[5210]", StringComparison.Ordinal) && line.Contains(error, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("invalid_auth")]
    [InlineData("token_revoked")]
    [InlineData("missing_scope")]
    public async Task An_auth_error_is_not_retried_and_the_token_is_never_logged(string error)
    {
        var channel = SlackHostFixture.NewChannel();
        Slack.Api.Script("chat.postMessage", SlackDoubleResponse.OkFalse(error));

        var sent = await Sender.SendAsync(Conversation(channel), Reply.Text("hi"), CancellationToken.None);

        Assert.Equal(ChannelSendStatus.Permanent, sent.Status);
        Assert.Single(Calls("chat.postMessage", channel));
        Assert.Contains(Logs.Lines, line => line.Contains("[5211]", StringComparison.Ordinal) && line.Contains(error, StringComparison.Ordinal));
        Assert.DoesNotContain(SlackTestHost.BotToken, Logs.All, StringComparison.Ordinal);
        Assert.DoesNotContain(SlackTestHost.SigningSecret, Logs.All, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ok_false_that_may_pass_later_is_a_transient_failure()
    {
        var channel = SlackHostFixture.NewChannel();
        Slack.Api.Script("chat.postMessage", SlackDoubleResponse.OkFalse("internal_error"));

        var sent = await Sender.SendAsync(Conversation(channel), Reply.Text("hi"), CancellationToken.None);

        Assert.Equal(ChannelSendStatus.Transient, sent.Status);
    }

    [Fact]
    public async Task Rate_limited_429_waits_for_retry_after_then_succeeds()
    {
        var channel = SlackHostFixture.NewChannel();
        Slack.Api.Script("chat.postMessage", SlackDoubleResponse.RateLimited(1));

        var sent = await Sender.SendAsync(Conversation(channel), Reply.Text("hi"), CancellationToken.None);

        Assert.True(sent.Succeeded);
        var calls = Calls("chat.postMessage", channel);
        Assert.Equal(2, calls.Count);
        Assert.True(calls[1].At - calls[0].At >= TimeSpan.FromMilliseconds(950), $"retried after {calls[1].At - calls[0].At}");
    }

    [Fact]
    public async Task Server_errors_are_retried_with_backoff()
    {
        var channel = SlackHostFixture.NewChannel();
        Slack.Api.Script("chat.postMessage", SlackDoubleResponse.ServerError(503), SlackDoubleResponse.ServerError(500));

        var sent = await Sender.SendAsync(Conversation(channel), Reply.Text("hi"), CancellationToken.None);

        Assert.True(sent.Succeeded);
        var calls = Calls("chat.postMessage", channel);
        Assert.Equal(3, calls.Count);
        // Slack:RetryBaseDelay is 50 ms in tests: 50 ms, then 100 ms.
        Assert.True(calls[1].At - calls[0].At >= TimeSpan.FromMilliseconds(45), $"first back-off {calls[1].At - calls[0].At}");
        Assert.True(calls[2].At - calls[1].At >= TimeSpan.FromMilliseconds(95), $"second back-off {calls[2].At - calls[1].At}");
    }

    [Fact]
    public async Task A_server_that_keeps_failing_is_a_transient_failure_after_the_last_attempt()
    {
        var channel = SlackHostFixture.NewChannel();
        Slack.Api.Script("chat.postMessage", Enumerable.Repeat(SlackDoubleResponse.ServerError(502), 4).ToArray());

        var sent = await Sender.SendAsync(Conversation(channel), Reply.Text("hi"), CancellationToken.None);

        Assert.Equal(ChannelSendStatus.Transient, sent.Status);
        Assert.Equal(4, Calls("chat.postMessage", channel).Count);
    }

    [Fact]
    public async Task Blocks_slack_refuses_are_sent_again_as_plain_text()
    {
        var channel = SlackHostFixture.NewChannel();
        Slack.Api.Script("chat.postMessage", SlackDoubleResponse.OkFalse("invalid_blocks"));

        var sent = await Sender.SendAsync(Conversation(channel), Reply.Text("the words"), CancellationToken.None);

        Assert.True(sent.Succeeded);
        var calls = Calls("chat.postMessage", channel);
        Assert.Equal(2, calls.Count);
        Assert.NotNull(calls[0].Body["blocks"]);
        Assert.Null(calls[1].Body["blocks"]);
        Assert.Equal("the words", calls[1].Str("text"));
    }

    [Fact]
    public async Task A_reply_with_an_update_key_is_posted_once_then_updated_in_place_with_chat_update()
    {
        var channel = SlackHostFixture.NewChannel();
        var now = DateTimeOffset.UtcNow;
        var conversationId = await Slack.Bot.Get<ConversationStore>().UpsertReferenceAsync(
            ConversationAddresses.ToEntity(Conversation(channel, "1764150000.000009")), now);
        var poster = Slack.Bot.Get<ConversationPoster>();

        var first = await poster.PostAsync(conversationId, new Reply([new TextBlock("running")], "status:p-1"), "status:p-1:v1", "status-card", "p-1");
        var second = await poster.PostAsync(conversationId, new Reply([new TextBlock("passed")], "status:p-1"), "status:p-1:v2", "status-card", "p-1");

        Assert.Equal(PostOutcome.Posted, first.Outcome);
        Assert.Equal(PostOutcome.Posted, second.Outcome);
        var post = Assert.Single(Calls("chat.postMessage", channel));
        var update = Assert.Single(Calls("chat.update", channel));
        Assert.Equal(channel, update.Str("channel"));
        Assert.Equal(first.MessageId, update.Str("ts"));
        Assert.Equal("passed", update.Str("text"));
        Assert.Equal("1764150000.000009", post.Str("thread_ts"));
    }

    [Fact]
    public async Task An_update_slack_refuses_makes_the_post_undeliverable()
    {
        var channel = SlackHostFixture.NewChannel();
        Slack.Api.Script("chat.update", SlackDoubleResponse.OkFalse("message_not_found"));

        var updated = await Sender.UpdateAsync(Conversation(channel), "1764150000.000001", Reply.Text("x"), CancellationToken.None);

        Assert.Equal(ChannelSendStatus.Permanent, updated.Status);
        Assert.Equal("slack: message_not_found", updated.Error);
    }

    [Fact]
    public async Task An_ephemeral_answer_names_the_user()
    {
        var channel = SlackHostFixture.NewChannel();
        var sent = await Sender.SendEphemeralAsync(channel, "U0DANA", null, Reply.Text("only you"), CancellationToken.None);

        Assert.True(sent.Succeeded);
        var call = Assert.Single(Calls("chat.postEphemeral", channel));
        Assert.Equal("U0DANA", call.Str("user"));
        Assert.Equal(channel, call.Str("channel"));
    }

    [Fact]
    public async Task A_response_url_is_a_credential_and_is_never_logged()
    {
        var secretPath = $"T0TEAM01-{Guid.NewGuid():N}";
        Slack.Api.Script("response_url", SlackDoubleResponse.ServerError(500));

        var sent = await Sender.RespondAsync(Slack.Api.ResponseUrl(secretPath), new System.Text.Json.Nodes.JsonObject { ["text"] = "hi" }, "ephemeral", false, CancellationToken.None);

        Assert.True(sent.Succeeded);
        Assert.Equal(2, Slack.Api.CallsTo("response_url").Count(c => c.Str("__id") == secretPath));
        Assert.Contains(Logs.Lines, line => line.Contains("[5213]", StringComparison.Ordinal));
        Assert.DoesNotContain(secretPath, Logs.All, StringComparison.Ordinal);
    }
}
