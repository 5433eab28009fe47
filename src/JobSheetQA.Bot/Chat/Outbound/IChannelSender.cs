using JobSheetQA.Bot.Chat.Replies;
using JobSheetQA.Bot.Chat.Turns;

namespace JobSheetQA.Bot.Chat.Outbound;

/// <summary>
/// Posts into conversations of one chat platform (a Teams or Slack adapter implements it). The adapter renders the
/// reply in its own format; <see cref="ConversationPoster"/> decides whether to post or update and keeps it idempotent.
/// </summary>
public interface IChannelSender
{
    /// <summary>The platform it serves, equal to <see cref="ConversationAddress.Channel"/>.</summary>
    string Channel { get; }

    /// <summary>Posts a new message; the result carries the platform's message id.</summary>
    Task<ChannelSendResult> SendAsync(ConversationAddress conversation, Reply reply, CancellationToken cancellationToken);

    /// <summary>Replaces the message <paramref name="messageId"/> (a status card updated in place).</summary>
    Task<ChannelSendResult> UpdateAsync(ConversationAddress conversation, string messageId, Reply reply, CancellationToken cancellationToken);
}
