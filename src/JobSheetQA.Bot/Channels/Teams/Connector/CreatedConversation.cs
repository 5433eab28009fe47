namespace JobSheetQA.Bot.Channels.Teams.Connector;

/// <summary>What <c>POST v3/conversations</c> answered: the new conversation's id and the first activity's id, if one was sent.</summary>
public sealed record CreatedConversation(string ConversationId, string? ActivityId);
