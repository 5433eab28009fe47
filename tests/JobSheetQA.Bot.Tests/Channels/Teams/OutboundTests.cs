using System.Diagnostics;
using JobSheetQA.Bot.Channels.Teams;
using JobSheetQA.Bot.Chat.Outbound;
using JobSheetQA.Bot.Chat.Replies;
using JobSheetQA.Bot.Chat.Turns;
using JobSheetQA.Bot.Storage;
using JobSheetQA.Bot.Tests.Channels.Teams.Support;
using JobSheetQA.Rules.Facts;

namespace JobSheetQA.Bot.Tests.Channels.Teams;

/// <summary>
/// docs/protocol-conformance.md C1.13–C1.14: the outbound token (MSAL client credentials against the rig's token endpoint),
/// retries, the serviceUrl allow-list, id encoding, proactive posts from a stored reference and cards updated in place.
/// Each test has its own bot so token caches and scripted answers do not mix.
/// </summary>
public sealed class OutboundTests : IAsyncLifetime
{
    private BotFrameworkRig rig = null!;

    public async Task InitializeAsync() => rig = await BotFrameworkRig.StartAsync();

    public async Task DisposeAsync() => await rig.DisposeAsync();

    private ConversationAddress Address(string conversationId = TestActivities.PersonalConversation, string? serviceUrl = null) =>
        new("teams", conversationId, serviceUrl ?? rig.ServiceUrl, TenantId: TestTokens.TenantId, BotId: TestActivities.BotId, UserId: TestActivities.UserId);

    private static Reply Hello(string text = "hello") => Reply.Text(text);

    [Fact]
    public async Task The_token_is_fetched_once_and_reused()
    {
        await using var host = TeamsTestHost.Start(rig);
        var sender = host.Get<TeamsChannelSender>();

        Assert.True((await sender.SendAsync(Address(), Hello("one"), default)).Succeeded);
        Assert.True((await sender.SendAsync(Address(), Hello("two"), default)).Succeeded);

        var token = Assert.Single(rig.TokenRequests);
        Assert.Equal("client_credentials", token["grant_type"]);
        Assert.Equal(TestTokens.AppId, token["client_id"]);
        Assert.Equal("test-client-secret", token["client_secret"]);
        Assert.Equal("https://api.botframework.com/.default", token["scope"]);
        Assert.Equal("botframework.com", token["tenant"]);
        Assert.All(rig.ConnectorRequests, r => Assert.Equal("Bearer connector-token-1", r.Authorization));
    }

    [Fact]
    public async Task A_token_with_less_than_five_minutes_left_is_replaced()
    {
        rig.TokenLifetimeSeconds = 240;
        await using var host = TeamsTestHost.Start(rig);
        var sender = host.Get<TeamsChannelSender>();

        await sender.SendAsync(Address(), Hello("one"), default);
        await sender.SendAsync(Address(), Hello("two"), default);

        Assert.Equal(2, rig.TokenRequests.Count);
        Assert.Equal(["Bearer connector-token-1", "Bearer connector-token-2"], rig.ConnectorRequests.Select(r => r.Authorization));
    }

    [Fact]
    public async Task A_single_tenant_bot_gets_its_token_from_its_own_tenant()
    {
        await using var host = TeamsTestHost.Start(rig, new Dictionary<string, string?>
        {
            ["MicrosoftAppType"] = "SingleTenant",
            ["MicrosoftAppTenantId"] = TestTokens.TenantId,
        });
        await host.Get<TeamsChannelSender>().SendAsync(Address(), Hello(), default);

        Assert.Equal(TestTokens.TenantId, Assert.Single(rig.TokenRequests)["tenant"]);
    }

    [Fact]
    public async Task Too_many_requests_waits_for_Retry_After()
    {
        await using var host = TeamsTestHost.Start(rig);
        rig.Script((429, "2"));

        var result = await host.Get<TeamsChannelSender>().SendAsync(Address(), Hello(), default);

        Assert.True(result.Succeeded);
        var requests = rig.ConnectorRequests;
        Assert.Equal(2, requests.Count);
        Assert.True(requests[1].ReceivedAt - requests[0].ReceivedAt >= TimeSpan.FromSeconds(1.95),
            $"retried after {(requests[1].ReceivedAt - requests[0].ReceivedAt).TotalMilliseconds} ms");
    }

    [Fact]
    public async Task Precondition_failed_and_gateway_errors_are_retried_with_backoff()
    {
        await using var host = TeamsTestHost.Start(rig);
        rig.Script((412, null), (502, null), (504, null));

        var result = await host.Get<TeamsChannelSender>().SendAsync(Address(), Hello(), default);

        Assert.True(result.Succeeded);
        var requests = rig.ConnectorRequests;
        Assert.Equal(4, requests.Count);
        // Backoff doubles from 20 ms: the last wait is longer than the first.
        Assert.True(requests[3].ReceivedAt - requests[2].ReceivedAt > requests[1].ReceivedAt - requests[0].ReceivedAt - TimeSpan.FromMilliseconds(5));
    }

    [Fact]
    public async Task Server_errors_past_the_last_attempt_are_worth_retrying_later()
    {
        await using var host = TeamsTestHost.Start(rig);
        rig.Script((503, null), (503, null), (503, null), (503, null));

        var result = await host.Get<TeamsChannelSender>().SendAsync(Address(), Hello(), default);

        Assert.Equal(ChannelSendStatus.Transient, result.Status);
        Assert.Equal(4, rig.ConnectorRequests.Count);
    }

    [Theory]
    [InlineData(400)]
    [InlineData(401)]
    [InlineData(403)]
    [InlineData(404)]
    public async Task Client_errors_are_permanent_and_not_retried(int status)
    {
        await using var host = TeamsTestHost.Start(rig);
        rig.Script((status, null));

        var result = await host.Get<TeamsChannelSender>().SendAsync(Address(), Hello(), default);

        Assert.Equal(ChannelSendStatus.Permanent, result.Status);
        Assert.Contains($"HTTP {status}", result.Error);
        Assert.Single(rig.ConnectorRequests);
    }

    [Fact]
    public async Task A_serviceUrl_off_the_allow_list_gets_no_token_and_no_call()
    {
        await using var host = TeamsTestHost.Start(rig);

        var result = await host.Get<TeamsChannelSender>().SendAsync(Address(serviceUrl: "https://collector.evil.example/teams/"), Hello(), default);

        Assert.Equal(ChannelSendStatus.Permanent, result.Status);
        Assert.Empty(rig.TokenRequests);
    }

    [Fact]
    public async Task Outside_Development_a_loopback_serviceUrl_gets_no_token_and_no_call()
    {
        await using var host = TeamsTestHost.Start(rig, TeamsTestHost.PinnedToTestTenant, environment: "Production");

        var result = await host.Get<TeamsChannelSender>().SendAsync(Address(), Hello(), default);

        Assert.Equal(ChannelSendStatus.Permanent, result.Status);
        Assert.Empty(rig.TokenRequests);
        Assert.Empty(rig.ConnectorRequests);
    }

    [Fact]
    public async Task A_channel_thread_id_is_URL_encoded()
    {
        await using var host = TeamsTestHost.Start(rig);

        await host.Get<TeamsChannelSender>().ReplyAsync(Address(TestActivities.ChannelThread), "1732600000001", Hello(), default);

        var request = Assert.Single(rig.ConnectorRequests);
        Assert.Equal("/connector/v3/conversations/19%3Areleases%40thread.tacv2%3Bmessageid%3D1732600000000/activities/1732600000001", request.RawTarget);
    }

    // C1.14
    [Fact]
    public async Task A_job_posts_into_a_stored_conversation_and_updates_its_card_in_place()
    {
        await using var host = TeamsTestHost.Start(rig);
        var referenceId = await host.Get<ConversationStore>().UpsertReferenceAsync(ConversationAddresses.ToEntity(Address(TestActivities.ChannelThread)), DateTimeOffset.UtcNow);
        var poster = host.Get<ConversationPoster>();

        var posted = await poster.PostAsync(referenceId, TestCardHandlers.Status(StepOutcome.Running), "status:1", "status-card");
        var updated = await poster.PostAsync(referenceId, TestCardHandlers.Status(StepOutcome.Passed), "status:2", "status-card");

        Assert.Equal(PostOutcome.Posted, posted.Outcome);
        Assert.Equal(PostOutcome.Posted, updated.Outcome);
        var requests = rig.ConnectorRequests;
        Assert.Equal(2, requests.Count);
        Assert.Equal("POST", requests[0].Method);
        Assert.EndsWith("/v3/conversations/19%3Areleases%40thread.tacv2%3Bmessageid%3D1732600000000/activities", requests[0].RawTarget);
        Assert.Equal("PUT", requests[1].Method);
        Assert.EndsWith($"/activities/{posted.MessageId}", requests[1].RawTarget);
        Assert.Equal(posted.MessageId, requests[1].Body!["id"]!.GetValue<string>());
        var card = requests[1].Body!["attachments"]![0]!["content"]!.ToJsonString();
        Assert.Contains("\"passed\"", card);
    }

    [Fact]
    public async Task A_status_card_given_as_a_turn_reply_is_updated_in_place_later()
    {
        await using var host = TeamsTestHost.Start(rig);
        var message = TestActivities.Message(rig.ServiceUrl, "show status");
        using (await host.PostSignedAsync(message))
        {
        }

        var reference = await host.Get<ConversationStore>().FindReferenceAsync("teams", TestActivities.PersonalConversation);
        var update = await host.Get<ConversationPoster>().PostAsync(reference!.Id, TestCardHandlers.Status(StepOutcome.Failed), "status:later", "status-card");

        var cardId = await host.Get<ConversationPoster>().MessageIdAsync(reference.Id, TestCardHandlers.StatusKey);
        var requests = rig.ConnectorRequests;
        Assert.Equal(2, requests.Count);
        Assert.Equal("POST", requests[0].Method);
        Assert.NotNull(requests[0].Body!["attachments"]);
        Assert.Equal(PostOutcome.Posted, update.Outcome);
        Assert.Equal("PUT", requests[1].Method);
        Assert.EndsWith($"/activities/{cardId}", requests[1].RawTarget);
    }

    [Fact]
    public async Task A_personal_chat_can_be_started_with_a_user_who_never_wrote()
    {
        await using var host = TeamsTestHost.Start(rig);

        var (result, conversation) = await host.Get<TeamsChannelSender>().StartPersonalConversationAsync(Address(TestActivities.ChannelThread), "29:new-user", default);

        Assert.True(result.Succeeded);
        var request = Assert.Single(rig.ConnectorRequests);
        Assert.EndsWith("/connector/v3/conversations", request.RawTarget);
        Assert.Equal("29:new-user", request.Body!["members"]![0]!["id"]!.GetValue<string>());
        Assert.Equal(TestActivities.BotId, request.Body["bot"]!["id"]!.GetValue<string>());
        Assert.Equal(TestTokens.TenantId, request.Body["tenantId"]!.GetValue<string>());
        Assert.StartsWith("a:created-", conversation!.ConversationId);
        Assert.Equal("29:new-user", conversation.UserId);
    }
}
