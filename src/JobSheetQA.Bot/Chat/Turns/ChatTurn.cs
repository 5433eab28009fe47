using JobSheetQA.Bot.Promotions;
using JobSheetQA.Rules.Facts;

namespace JobSheetQA.Bot.Chat.Turns;

/// <summary>A message being answered: the message, the stored conversation it belongs to, and the time it is handled at.</summary>
/// <param name="ConversationReferenceId">The stored conversation reference, for promotions and jobs to post into later.</param>
public sealed record ChatTurn(ChatMessage Message, long ConversationReferenceId, DateTimeOffset Now)
{
    public RequesterIdentity Sender => Message.Sender;

    public ConversationAddress Conversation => Message.Conversation;

    /// <summary>
    /// The sender, this conversation (and thread) and this moment, as the deciding modules take them, keyed by the message
    /// (a turn handled again after an interruption is recognised as the same request).
    /// </summary>
    public Caller Caller => new(Message.Sender, ConversationReferenceId, Now, Message.Conversation.ThreadId, $"{Message.Conversation.Channel}:{Message.InboundId}");
}
