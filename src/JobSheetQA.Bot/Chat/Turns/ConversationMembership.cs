using JobSheetQA.Bot.Chat.Replies;
using JobSheetQA.Bot.Storage;

namespace JobSheetQA.Bot.Chat.Turns;

/// <summary>
/// The bot joining or leaving a conversation, as any adapter reports it: a conversation joined is stored (so jobs can
/// post into it) and welcomed once, however many install events arrive; a conversation left is forgotten.
/// </summary>
public sealed class ConversationMembership(ConversationStore conversations, InboundDeduplicator deduplicator, TimeProvider time)
{
    /// <summary>Stores the conversation; returns the welcome to send when the bot did not know it yet, else nothing.</summary>
    public async Task<IReadOnlyList<Reply>> JoinedAsync(ConversationAddress address, CancellationToken cancellationToken)
    {
        var known = await conversations.FindReferenceAsync(address.Channel, address.ConversationId, cancellationToken);
        var referenceId = await conversations.UpsertReferenceAsync(ConversationAddresses.ToEntity(address), time.GetUtcNow(), cancellationToken);
        // Platforms send several install events at once (Teams: installationUpdate and conversationUpdate): one welcome.
        if (known is not null
            || !await deduplicator.TryMarkProcessedAsync(address.Channel, $"welcome:{referenceId}:{address.ConversationId}", time.GetUtcNow(), cancellationToken))
            return [];
        return [Welcome.Reply];
    }

    /// <summary>Forgets the conversation (and its subscriptions); returns how many stored references went.</summary>
    public Task<int> LeftAsync(string channel, string conversationId, CancellationToken cancellationToken) =>
        conversations.ForgetReferenceAsync(channel, conversationId, cancellationToken);
}
