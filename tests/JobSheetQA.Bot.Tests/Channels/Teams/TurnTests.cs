using System.Net;
using System.Text.Json.Nodes;
using JobSheetQA.Bot.Storage;
using JobSheetQA.Bot.Tests.Channels.Teams.Support;

namespace JobSheetQA.Bot.Tests.Channels.Teams;

/// <summary>
/// docs/protocol-conformance.md C1.11–C1.12: what the chat layer receives from Teams activities (mentions stripped,
/// card submissions as forms, the sender's identity), installs welcomed once, removals forgotten, and a conversation
/// reference stored for personal chats, group chats and channel threads.
/// </summary>
public sealed class TurnTests(TeamsBotFixture bot) : IClassFixture<TeamsBotFixture>
{
    private string ServiceUrl => bot.Rig.ServiceUrl;

    private async Task<JobSheetQA.Bot.Chat.Turns.ChatMessage> SeenAfterPosting(JsonObject activity)
    {
        using var response = await bot.Host.PostSignedAsync(activity);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return Assert.Single(bot.Host.Handlers.Seen, m => m.InboundId == activity["id"]!.GetValue<string>());
    }

    // C1.11
    [Fact]
    public async Task The_bots_mention_is_removed_and_the_rest_trimmed()
    {
        var activity = TestActivities.AddMention(TestActivities.Message(ServiceUrl, "<at>JobSheetQA</at> hi", TestActivities.ChannelThread), TestActivities.BotId, "JobSheetQA");
        Assert.Equal("hi", (await SeenAfterPosting(activity)).Text);
    }

    [Fact]
    public async Task Other_peoples_mentions_are_kept()
    {
        var activity = TestActivities.Message(ServiceUrl, "<at>JobSheetQA</at> ask <at>Sam Lee</at> about it", TestActivities.ChannelThread);
        TestActivities.AddMention(activity, "29:sam", "Sam Lee");
        TestActivities.AddMention(activity, TestActivities.BotId, "JobSheetQA");
        Assert.Equal("ask <at>Sam Lee</at> about it", (await SeenAfterPosting(activity)).Text);
    }

    [Fact]
    public async Task Non_breaking_spaces_from_Teams_become_spaces()
    {
        var activity = TestActivities.AddMention(TestActivities.Message(ServiceUrl, "<at>JobSheetQA</at>&nbsp;say&nbsp;hi", TestActivities.GroupConversation), TestActivities.BotId, "JobSheetQA");
        Assert.Equal("say hi", (await SeenAfterPosting(activity)).Text);
    }

    [Fact]
    public async Task Text_without_a_mention_is_passed_as_typed()
    {
        var activity = TestActivities.Message(ServiceUrl, " exactly  as typed ");
        Assert.Equal(" exactly  as typed ", (await SeenAfterPosting(activity)).Text);
    }

    [Fact]
    public async Task The_sender_is_identified_by_their_Entra_object_id()
    {
        var seen = await SeenAfterPosting(TestActivities.Message(ServiceUrl, "who am i really"));
        Assert.Equal(new JobSheetQA.Rules.Facts.RequesterIdentity("teams", TestActivities.UserAadObjectId, "Dana Okafor"), seen.Sender);
    }

    // A person is teams:<aadObjectId> and nothing else: without one the sender is kept by channel user id, unverified
    // (read-only), and the e-mail the client put into the body is not taken as identity.
    [Fact]
    public async Task Without_an_Entra_object_id_the_sender_is_not_verified_and_has_no_email()
    {
        var activity = TestActivities.Message(ServiceUrl, "who am i then");
        activity["from"] = new JsonObject
        {
            ["id"] = "29:guest",
            ["name"] = "Guest",
            ["email"] = "release-manager@example.com",
            ["userPrincipalName"] = "release-manager@example.com",
        };
        var seen = await SeenAfterPosting(activity);
        Assert.Equal(new JobSheetQA.Rules.Facts.RequesterIdentity("teams", "29:guest", "Guest", Email: null, Verified: false), seen.Sender);
        Assert.DoesNotContain("release-manager", seen.Sender.QualifiedId, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_email_in_the_body_is_not_taken_even_with_an_Entra_object_id()
    {
        var activity = TestActivities.Message(ServiceUrl, "who am i with an email");
        activity["from"]!["email"] = "release-manager@example.com";
        var seen = await SeenAfterPosting(activity);
        Assert.Equal(new JobSheetQA.Rules.Facts.RequesterIdentity("teams", TestActivities.UserAadObjectId, "Dana Okafor"), seen.Sender);
        Assert.True(seen.Sender.Verified);
        Assert.Null(seen.Sender.Email);
    }

    [Fact]
    public async Task An_Action_Submit_message_is_a_form_submission_with_the_form_id_from_the_card_data()
    {
        var activity = TestActivities.Submit(ServiceUrl, new JsonObject
        {
            ["formId"] = TestCardHandlers.FormId,
            ["phrase"] = "I_ACCEPT_PARITY_SKIP",
            ["smoke"] = "false",
        });
        var seen = await SeenAfterPosting(activity);

        Assert.Equal(TestCardHandlers.FormId, seen.Form!.FormId);
        Assert.Equal("I_ACCEPT_PARITY_SKIP", seen.Form.Value("phrase"));
        Assert.False(seen.Form.IsChecked("smoke"));
        var reply = Assert.Single(bot.Rig.ConnectorRequests, r => r.RawTarget.EndsWith("/activities/" + activity["id"]!.GetValue<string>(), StringComparison.Ordinal));
        Assert.Equal("form test-form from Dana Okafor: phrase=I_ACCEPT_PARITY_SKIP, smoke=false", reply.Body!["text"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_button_that_arrives_as_submit_data_sends_its_command_as_text()
    {
        var activity = TestActivities.Submit(ServiceUrl, new JsonObject
        {
            ["msteams"] = new JsonObject { ["type"] = "imBack", ["value"] = "show card" },
            ["command"] = "show card",
        });
        Assert.Equal("show card", (await SeenAfterPosting(activity)).Text);
    }

    [Theory]
    [InlineData(TestActivities.PersonalConversation, null, null, null)]
    [InlineData(TestActivities.GroupConversation, null, null, null)]
    [InlineData(TestActivities.ChannelThread, TestActivities.TeamId, "19:releases@thread.tacv2", "1732600000000")]
    public async Task Every_conversation_is_stored_for_posting_later(string conversationId, string? teamId, string? channelId, string? threadId)
    {
        await SeenAfterPosting(TestActivities.Message(ServiceUrl, "remember me", conversationId));

        var stored = await bot.Host.Get<ConversationStore>().FindReferenceAsync("teams", conversationId);
        Assert.NotNull(stored);
        Assert.Equal(ServiceUrl, stored.ServiceUrl);
        Assert.Equal(TestTokens.TenantId, stored.TenantId);
        Assert.Equal(TestActivities.BotId, stored.BotId);
        Assert.Equal(TestActivities.UserId, stored.UserId);
        Assert.Equal(teamId, stored.TeamId);
        Assert.Equal(channelId, stored.ChannelId);
        Assert.Equal(threadId, stored.ThreadId);
    }

    // C1.12
    [Fact]
    public async Task Installing_the_bot_welcomes_once()
    {
        const string conversation = "a:1welcome-once";
        using (await bot.Host.PostSignedAsync(TestActivities.Installation(ServiceUrl, "add", conversation)))
        using (await bot.Host.PostSignedAsync(TestActivities.BotAdded(ServiceUrl, conversation)))
        using (await bot.Host.PostSignedAsync(TestActivities.BotAdded(ServiceUrl, conversation)))
        {
        }

        var welcomes = bot.Rig.ConnectorRequests.Where(r => r.RawTarget.Contains(Uri.EscapeDataString(conversation), StringComparison.Ordinal)).ToList();
        var welcome = Assert.Single(welcomes);
        Assert.EndsWith($"/v3/conversations/{Uri.EscapeDataString(conversation)}/activities", welcome.RawTarget);
        var card = welcome.Body!["attachments"]![0]!["content"]!.ToJsonString();
        Assert.Contains("Hello", card);
        Assert.Contains("\"command\":\"promote staging\"", card);
        Assert.NotNull(await bot.Host.Get<ConversationStore>().FindReferenceAsync("teams", conversation));
    }

    [Fact]
    public async Task Install_events_arriving_together_welcome_once()
    {
        const string conversation = "a:1welcome-race";
        var responses = await Task.WhenAll(
            bot.Host.PostSignedAsync(TestActivities.Installation(ServiceUrl, "add", conversation)),
            bot.Host.PostSignedAsync(TestActivities.BotAdded(ServiceUrl, conversation)),
            bot.Host.PostSignedAsync(TestActivities.BotAdded(ServiceUrl, conversation)));
        foreach (var response in responses)
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            response.Dispose();
        }

        Assert.Single(bot.Rig.ConnectorRequests, r => r.RawTarget.Contains(Uri.EscapeDataString(conversation), StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_member_other_than_the_bot_joining_is_not_welcomed()
    {
        const string conversation = "19:someone-joined@thread.v2";
        var activity = TestActivities.BotAdded(ServiceUrl, conversation);
        activity["membersAdded"] = new JsonArray(new JsonObject { ["id"] = "29:new-colleague" });
        using var response = await bot.Host.PostSignedAsync(activity);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain(bot.Rig.ConnectorRequests, r => r.RawTarget.Contains(Uri.EscapeDataString(conversation), StringComparison.Ordinal));
    }

    [Fact]
    public async Task Uninstalling_forgets_the_conversation_and_its_subscription()
    {
        const string conversation = "19:uninstall-me@thread.v2";
        await SeenAfterPosting(TestActivities.Message(ServiceUrl, "before removal", conversation));
        var store = bot.Host.Get<ConversationStore>();
        var reference = await store.FindReferenceAsync("teams", conversation);
        await store.SubscribeAsync(reference!.Id, includeOutcomes: true, DateTimeOffset.UtcNow);

        using var response = await bot.Host.PostSignedAsync(TestActivities.Installation(ServiceUrl, "remove", conversation));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Null(await store.FindReferenceAsync("teams", conversation));
        Assert.DoesNotContain(await store.SubscriptionsAsync(), s => s.ConversationReferenceId == reference.Id);
    }

    [Fact]
    public async Task Removing_the_bot_from_a_team_forgets_its_channel_threads()
    {
        const string channel = "19:leaving-team@thread.tacv2";
        await SeenAfterPosting(TestActivities.Message(ServiceUrl, "in a thread", channel + ";messageid=1"));
        var removed = TestActivities.Base("conversationUpdate", ServiceUrl, channel);
        removed["membersRemoved"] = new JsonArray(new JsonObject { ["id"] = TestActivities.BotId });

        using var response = await bot.Host.PostSignedAsync(removed);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Null(await bot.Host.Get<ConversationStore>().FindReferenceAsync("teams", channel + ";messageid=1"));
    }
}
