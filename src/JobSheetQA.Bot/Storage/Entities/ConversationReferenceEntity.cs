namespace JobSheetQA.Bot.Storage.Entities;

/// <summary>Enough of a Teams or Slack conversation to post into it later (proactive messages, status cards).</summary>
public sealed class ConversationReferenceEntity
{
    public long Id { get; set; }

    /// <summary>The chat platform: <c>teams</c> or <c>slack</c>.</summary>
    public required string Channel { get; set; }

    /// <summary>The platform's conversation id (Teams conversation id, Slack channel id); unique per platform.</summary>
    public required string ConversationId { get; set; }

    /// <summary>Teams: the Bot Connector service URL to post to.</summary>
    public string? ServiceUrl { get; set; }

    public string? TeamId { get; set; }

    /// <summary>Teams: the team channel's id (not the chat platform, see <see cref="Channel"/>).</summary>
    public string? ChannelId { get; set; }

    public string? TenantId { get; set; }

    public string? BotId { get; set; }

    /// <summary>The user the conversation was last seen with (personal chats).</summary>
    public string? UserId { get; set; }

    /// <summary>The thread to reply into: Teams reply-to activity id or Slack thread ts.</summary>
    public string? ThreadId { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}
