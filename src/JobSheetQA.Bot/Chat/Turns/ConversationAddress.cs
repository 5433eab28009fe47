namespace JobSheetQA.Bot.Chat.Turns;

/// <summary>
/// Where a conversation lives, as the channel adapter saw it: enough to reply now and to post into it later
/// (status cards, outcomes, notifications). Stored by the turn handler for every conversation.
/// </summary>
/// <param name="Channel">The chat platform: <c>teams</c>, <c>slack</c> (tests use their own).</param>
/// <param name="ConversationId">The platform's conversation id (Teams conversation id, Slack channel id).</param>
/// <param name="ServiceUrl">Teams: the Bot Connector service URL.</param>
/// <param name="TeamId">Teams: the team, for channel conversations.</param>
/// <param name="ChannelId">Teams: the team channel's id.</param>
/// <param name="TenantId">The tenant or workspace.</param>
/// <param name="BotId">The bot's own id in the conversation.</param>
/// <param name="UserId">The user last seen in the conversation (personal chats).</param>
/// <param name="ThreadId">The thread replies go into: Teams reply-to id, Slack thread ts.</param>
public sealed record ConversationAddress(
    string Channel,
    string ConversationId,
    string? ServiceUrl = null,
    string? TeamId = null,
    string? ChannelId = null,
    string? TenantId = null,
    string? BotId = null,
    string? UserId = null,
    string? ThreadId = null);
