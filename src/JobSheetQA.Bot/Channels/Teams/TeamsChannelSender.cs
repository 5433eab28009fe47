using System.Text.Json.Nodes;
using JobSheetQA.Bot.Channels.Teams.Activities;
using JobSheetQA.Bot.Channels.Teams.Cards;
using JobSheetQA.Bot.Channels.Teams.Connector;
using JobSheetQA.Bot.Chat.Outbound;
using JobSheetQA.Bot.Chat.Replies;
using JobSheetQA.Bot.Chat.Turns;
using Microsoft.Extensions.Options;

namespace JobSheetQA.Bot.Channels.Teams;

/// <summary>
/// Posts replies into Teams conversations through the Bot Connector: answers to an inbound activity, proactive messages
/// into a stored conversation, in-place updates of a card, and a new personal chat. Outbound activities come from the bot
/// (the stored bot id) to the stored user (https://learn.microsoft.com/en-us/azure/bot-service/rest-api/bot-framework-rest-connector-api-reference).
/// </summary>
public sealed class TeamsChannelSender(BotConnectorClient connector, IOptions<TeamsOptions> options) : IChannelSender
{
    public string Channel => TeamsActivityReader.ChannelName;

    /// <summary>A new message in the conversation (a channel thread's id carries its thread, so it lands there).</summary>
    public Task<ChannelSendResult> SendAsync(ConversationAddress conversation, Reply reply, CancellationToken cancellationToken) =>
        conversation.ServiceUrl is not { } serviceUrl
            ? Task.FromResult(NoServiceUrl(conversation))
            : connector.SendToConversationAsync(serviceUrl, conversation.ConversationId, Outbound(conversation, reply), cancellationToken);

    /// <summary>A reply to the inbound activity <paramref name="replyToId"/> (a turn's answer).</summary>
    public Task<ChannelSendResult> ReplyAsync(ConversationAddress conversation, string replyToId, Reply reply, CancellationToken cancellationToken)
    {
        if (conversation.ServiceUrl is not { } serviceUrl)
            return Task.FromResult(NoServiceUrl(conversation));
        var activity = Outbound(conversation, reply);
        activity["replyToId"] = replyToId;
        return connector.ReplyToActivityAsync(serviceUrl, conversation.ConversationId, replyToId, activity, cancellationToken);
    }

    /// <summary>Replaces message <paramref name="messageId"/> for everyone (the status card as the run progresses).</summary>
    public Task<ChannelSendResult> UpdateAsync(ConversationAddress conversation, string messageId, Reply reply, CancellationToken cancellationToken) =>
        conversation.ServiceUrl is not { } serviceUrl
            ? Task.FromResult(NoServiceUrl(conversation))
            : connector.UpdateActivityAsync(serviceUrl, conversation.ConversationId, messageId, Outbound(conversation, reply, messageId), cancellationToken);

    /// <summary>
    /// Opens a personal chat between the bot and <paramref name="userId"/> (<c>29:…</c>) in the tenant and service of
    /// <paramref name="known"/> (any conversation the bot already has there), for a user who never wrote to the bot
    /// (https://learn.microsoft.com/en-us/microsoftteams/platform/bots/how-to/conversations/send-proactive-messages).
    /// </summary>
    public async Task<(ChannelSendResult Result, ConversationAddress? Conversation)> StartPersonalConversationAsync(
        ConversationAddress known, string userId, CancellationToken cancellationToken)
    {
        if (known.ServiceUrl is not { } serviceUrl || known.BotId is not { } botId)
            return (ChannelSendResult.PermanentFailure("the known conversation has no serviceUrl or bot id"), null);

        var parameters = new JsonObject
        {
            ["isGroup"] = false,
            ["bot"] = new JsonObject { ["id"] = botId },
            ["members"] = new JsonArray(new JsonObject { ["id"] = userId }),
        };
        if (known.TenantId is { } tenant)
        {
            parameters["tenantId"] = tenant;
            parameters["channelData"] = new JsonObject { ["tenant"] = new JsonObject { ["id"] = tenant } };
        }

        var (result, created) = await connector.CreateConversationAsync(serviceUrl, parameters, cancellationToken);
        return created is null
            ? (result, null)
            : (result, new ConversationAddress(Channel, created.ConversationId, serviceUrl, TenantId: known.TenantId, BotId: botId, UserId: userId));
    }

    private JsonObject Outbound(ConversationAddress conversation, Reply reply, string? id = null)
    {
        var activity = TeamsMessageFactory.Message(reply, options.Value.FormAction, id);
        activity["conversation"] = new JsonObject { ["id"] = conversation.ConversationId };
        if (conversation.BotId is { } botId)
            activity["from"] = new JsonObject { ["id"] = botId };
        if (conversation.UserId is { } userId)
            activity["recipient"] = new JsonObject { ["id"] = userId };
        return activity;
    }

    private static ChannelSendResult NoServiceUrl(ConversationAddress conversation) =>
        ChannelSendResult.PermanentFailure($"conversation {conversation.ConversationId} has no Bot Connector serviceUrl");
}
