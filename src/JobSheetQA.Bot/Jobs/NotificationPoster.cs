using JobSheetQA.Bot.Chat.Outbound;
using JobSheetQA.Bot.Chat.Replies;
using JobSheetQA.Bot.Storage;

namespace JobSheetQA.Bot.Jobs;

/// <summary>
/// How the jobs post: each post has an idempotency key (so a job that runs twice, or again after a restart, never
/// posts twice) and a post already made is recognised by a read, without another reservation attempt on every poll.
/// </summary>
public sealed class NotificationPoster(ConversationPoster poster, OutboundPosts outboundPosts, ConversationStore conversations, ILogger<NotificationPoster> logger)
{
    /// <summary>Posts once per key; true when the post exists now or can never be made (nothing left to retry).</summary>
    public async Task<bool> PostOnceAsync(
        long conversationReferenceId, Reply reply, string idempotencyKey, string kind, string? promotionId, CancellationToken cancellationToken)
    {
        if (await IsPostedAsync(idempotencyKey, cancellationToken))
            return true;

        var result = await poster.PostAsync(conversationReferenceId, reply, idempotencyKey, kind, promotionId, cancellationToken);
        switch (result.Outcome)
        {
            case PostOutcome.Posted or PostOutcome.AlreadyPosted:
                return true;
            case PostOutcome.Undeliverable:
                // Retrying cannot help (conversation gone, no adapter); the poster logged why.
                return true;
            default:
                logger.LogInformation("Post {Key} not made yet ({Outcome}); the next run of the job tries again", idempotencyKey, result.Outcome);
                return false;
        }
    }

    /// <summary>True when the post with <paramref name="idempotencyKey"/> has been made.</summary>
    public async Task<bool> IsPostedAsync(string idempotencyKey, CancellationToken cancellationToken) =>
        (await outboundPosts.FindAsync(idempotencyKey, cancellationToken))?.PostedAt is not null;

    /// <summary>
    /// Posts a reply once into every subscribed conversation (gate failures; with <paramref name="outcomesOnly"/>, only
    /// those that asked for outcomes too), keyed <c>{keyPrefix}:{conversation}</c>. The reply is built only when some
    /// conversation still needs it; a null reply means "not yet" (false: retry later).
    /// </summary>
    public async Task<bool> PostToSubscribersAsync(
        Func<Task<Reply?>> reply, string keyPrefix, string kind, string? promotionId, bool outcomesOnly, long? except, CancellationToken cancellationToken)
    {
        var pending = new List<(long Conversation, string Key)>();
        foreach (var subscription in await conversations.SubscriptionsAsync(outcomesOnly, cancellationToken))
        {
            var key = $"{keyPrefix}:{subscription.ConversationReferenceId}";
            if (subscription.ConversationReferenceId != except && !await IsPostedAsync(key, cancellationToken))
                pending.Add((subscription.ConversationReferenceId, key));
        }

        if (pending.Count == 0)
            return true;
        if (await reply() is not { } message)
            return false;

        var allDone = true;
        foreach (var (conversation, key) in pending)
            allDone &= await PostOnceAsync(conversation, message, key, kind, promotionId, cancellationToken);
        return allDone;
    }
}
