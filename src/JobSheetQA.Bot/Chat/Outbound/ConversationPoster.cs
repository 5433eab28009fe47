using JobSheetQA.Bot.Chat.Replies;
using JobSheetQA.Bot.Chat.Turns;
using JobSheetQA.Bot.Storage;

namespace JobSheetQA.Bot.Chat.Outbound;

/// <summary>
/// Posts into a stored conversation later (jobs, notifications), exactly once per idempotency key (design.md §6):
/// the key is reserved in the database before anything is sent and completed with the platform's message id after,
/// so a retried job, a duplicate job or a restarted instance never posts twice. A reply with an update key is
/// posted once per conversation and then updated in place (the promotion's status card).
/// </summary>
public sealed class ConversationPoster
{
    private readonly IReadOnlyDictionary<string, IChannelSender> senders;
    private readonly OutboundPosts outboundPosts;
    private readonly ConversationStore conversations;
    private readonly TimeProvider time;
    private readonly ILogger<ConversationPoster> logger;

    public ConversationPoster(
        IEnumerable<IChannelSender> senders, OutboundPosts outboundPosts, ConversationStore conversations, TimeProvider time,
        ILogger<ConversationPoster> logger)
    {
        this.senders = senders.ToDictionary(s => s.Channel, StringComparer.OrdinalIgnoreCase);
        this.outboundPosts = outboundPosts;
        this.conversations = conversations;
        this.time = time;
        this.logger = logger;
    }

    /// <param name="conversationReferenceId">The stored conversation to post into.</param>
    /// <param name="reply">What to say; with an update key it replaces the earlier message with that key in this conversation.</param>
    /// <param name="idempotencyKey">Names this post: the same key is never posted twice (e.g. <c>outcome:p-42</c>).</param>
    /// <param name="kind">What the post is, for the record (<c>status-card</c>, <c>outcome</c>, <c>gate-failure</c> …).</param>
    /// <param name="promotionId">The promotion it is about, if any.</param>
    public async Task<PostResult> PostAsync(
        long conversationReferenceId, Reply reply, string idempotencyKey, string kind, string? promotionId = null,
        CancellationToken cancellationToken = default)
    {
        var reservation = await outboundPosts.TryReserveAsync(idempotencyKey, kind, promotionId, conversationReferenceId, time.GetUtcNow(), cancellationToken);
        switch (reservation.Status)
        {
            case OutboundReservationStatus.AlreadyPosted:
                return new PostResult(PostOutcome.AlreadyPosted, reservation.PostedMessageId);
            case OutboundReservationStatus.InProgress:
                return new PostResult(PostOutcome.InProgress);
        }

        PostResult result;
        try
        {
            result = await DeliverAsync(conversationReferenceId, reply, kind, promotionId, cancellationToken);
        }
        catch
        {
            await outboundPosts.ReleaseAsync(idempotencyKey, CancellationToken.None);
            throw;
        }

        if (result.Outcome == PostOutcome.Posted)
            await outboundPosts.CompleteAsync(idempotencyKey, result.MessageId!, time.GetUtcNow(), CancellationToken.None);
        else
            await outboundPosts.ReleaseAsync(idempotencyKey, CancellationToken.None);
        return result;
    }

    private async Task<PostResult> DeliverAsync(long conversationReferenceId, Reply reply, string kind, string? promotionId, CancellationToken cancellationToken)
    {
        var reference = await conversations.FindReferenceAsync(conversationReferenceId, cancellationToken);
        if (reference is null)
            return Undeliverable($"conversation {conversationReferenceId} is not stored (the bot was removed from it)");
        if (!senders.TryGetValue(reference.Channel, out var sender))
            return Undeliverable($"no adapter posts to channel '{reference.Channel}'");

        var address = ConversationAddresses.ToAddress(reference);
        if (reply.UpdateKey is null)
            return FromSend(await sender.SendAsync(address, reply, cancellationToken));

        // The message that carries this update key in this conversation: created once, then updated in place.
        var messageKey = $"message:{conversationReferenceId}:{reply.UpdateKey}";
        var message = await outboundPosts.TryReserveAsync(messageKey, kind, promotionId, conversationReferenceId, time.GetUtcNow(), cancellationToken);
        switch (message.Status)
        {
            case OutboundReservationStatus.AlreadyPosted:
                return FromSend(await sender.UpdateAsync(address, message.PostedMessageId!, reply, cancellationToken), message.PostedMessageId);
            case OutboundReservationStatus.InProgress:
                return new PostResult(PostOutcome.RetryLater, Error: $"the message '{reply.UpdateKey}' is being created by another worker");
        }

        ChannelSendResult sent;
        try
        {
            sent = await sender.SendAsync(address, reply, cancellationToken);
        }
        catch
        {
            await outboundPosts.ReleaseAsync(messageKey, CancellationToken.None);
            throw;
        }

        if (sent.Succeeded)
            await outboundPosts.CompleteAsync(messageKey, sent.MessageId!, time.GetUtcNow(), CancellationToken.None);
        else
            await outboundPosts.ReleaseAsync(messageKey, CancellationToken.None);
        return FromSend(sent);
    }

    private PostResult FromSend(ChannelSendResult sent, string? knownMessageId = null)
    {
        if (sent.Succeeded)
            return new PostResult(PostOutcome.Posted, sent.MessageId ?? knownMessageId);

        logger.LogWarning("Post failed ({Status}): {Error}", sent.Status, sent.Error);
        return new PostResult(sent.Status == ChannelSendStatus.Permanent ? PostOutcome.Undeliverable : PostOutcome.RetryLater, Error: sent.Error);
    }

    private PostResult Undeliverable(string error)
    {
        logger.LogWarning("Post undeliverable: {Error}", error);
        return new PostResult(PostOutcome.Undeliverable, Error: error);
    }

    /// <summary>The message id a reply with <paramref name="updateKey"/> was posted as in a conversation, if it was.</summary>
    public async Task<string?> MessageIdAsync(long conversationReferenceId, string updateKey, CancellationToken cancellationToken = default) =>
        (await outboundPosts.FindAsync($"message:{conversationReferenceId}:{updateKey}", cancellationToken))?.PostedMessageId;
}
