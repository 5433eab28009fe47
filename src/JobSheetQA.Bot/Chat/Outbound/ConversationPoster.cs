using JobSheetQA.Bot.Chat.Replies;
using JobSheetQA.Bot.Chat.Turns;
using JobSheetQA.Bot.Hosting.Telemetry;
using JobSheetQA.Bot.Storage;

namespace JobSheetQA.Bot.Chat.Outbound;

/// <summary>
/// Posts into stored conversations outside a turn (reports of jobs, notices to subscribers), exactly once per
/// idempotency key: the key is reserved in <c>outbound_posts</c> before anything is sent and completed with the
/// platform's message id after, so a retried job, a duplicate job or a restarted instance never posts twice. A reply
/// with an update key is posted once per conversation and then updated in place (the promotion's status card).
/// Sending itself is the adapter's (<see cref="IChannelSender"/>).
/// </summary>
public sealed class ConversationPoster
{
    private readonly IReadOnlyDictionary<string, IChannelSender> senders;
    private readonly OutboundPostStore outboundPosts;
    private readonly ConversationStore conversations;
    private readonly TimeProvider time;
    private readonly BotMetrics metrics;
    private readonly ILogger<ConversationPoster> logger;

    public ConversationPoster(
        IEnumerable<IChannelSender> senders, OutboundPostStore outboundPosts, ConversationStore conversations, TimeProvider time,
        BotMetrics metrics, ILogger<ConversationPoster> logger)
    {
        this.senders = senders.ToDictionary(s => s.Channel, StringComparer.OrdinalIgnoreCase);
        this.outboundPosts = outboundPosts;
        this.conversations = conversations;
        this.time = time;
        this.metrics = metrics;
        this.logger = logger;
    }

    /// <param name="conversationReferenceId">The stored conversation to post into.</param>
    /// <param name="reply">What to say; with an update key it replaces the earlier message with that key in this conversation.</param>
    /// <param name="idempotencyKey">Names this post: the same key is never posted twice (e.g. <c>outcome:p-42</c>).</param>
    /// <param name="kind">What the post is, for the record (<c>status-card</c>, <c>outcome</c>, <c>gate-failure</c> …).</param>
    /// <param name="promotionId">The promotion it is about, if any.</param>
    /// <param name="cancellationToken">Stops the post.</param>
    /// <param name="threadId">The thread of the conversation to post into (a promotion's own thread); null for the stored one.</param>
    public async Task<PostResult> PostAsync(
        long conversationReferenceId, Reply reply, string idempotencyKey, string kind, string? promotionId = null,
        CancellationToken cancellationToken = default, string? threadId = null)
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
        using var span = BotTelemetry.Outbound.StartActivity("chat.post");
        span?.SetTag("post.kind", kind);
        span?.SetTag("promotion.id", promotionId);
        try
        {
            result = await DeliverAsync(conversationReferenceId, reply, kind, promotionId, threadId, cancellationToken);
        }
        catch
        {
            metrics.Post(kind, "failed");
            await outboundPosts.ReleaseAsync(idempotencyKey, CancellationToken.None);
            throw;
        }

        span?.SetTag("post.outcome", result.Outcome.ToString());
        metrics.Post(kind, result.Outcome.ToString());

        if (result.Outcome == PostOutcome.Posted)
            await outboundPosts.CompleteAsync(idempotencyKey, result.MessageId!, time.GetUtcNow(), CancellationToken.None);
        else
            await outboundPosts.ReleaseAsync(idempotencyKey, CancellationToken.None);
        return result;
    }

    private async Task<PostResult> DeliverAsync(
        long conversationReferenceId, Reply reply, string kind, string? promotionId, string? threadId, CancellationToken cancellationToken)
    {
        var reference = await conversations.FindReferenceAsync(conversationReferenceId, cancellationToken);
        if (reference is null)
            return Undeliverable($"conversation {conversationReferenceId} is not stored (the bot was removed from it)");
        if (!senders.TryGetValue(reference.Channel, out var sender))
            return Undeliverable($"no adapter posts to channel '{reference.Channel}'");

        // The stored reference remembers the conversation's latest thread; a promotion's posts go to the thread it came from.
        var address = ConversationAddresses.ToAddress(reference);
        if (threadId is not null)
            address = address with { ThreadId = threadId };
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

        ChatLog.PostFailed(logger, sent.Status, sent.Error);
        return new PostResult(sent.Status == ChannelSendStatus.Permanent ? PostOutcome.Undeliverable : PostOutcome.RetryLater, Error: sent.Error);
    }

    private PostResult Undeliverable(string error)
    {
        ChatLog.PostUndeliverable(logger, error);
        return new PostResult(PostOutcome.Undeliverable, Error: error);
    }

    /// <summary>The message id a reply with <paramref name="updateKey"/> was posted as in a conversation, if it was.</summary>
    public async Task<string?> MessageIdAsync(long conversationReferenceId, string updateKey, CancellationToken cancellationToken = default) =>
        (await outboundPosts.FindAsync($"message:{conversationReferenceId}:{updateKey}", cancellationToken))?.PostedMessageId;

    /// <summary>Posts once per key; true when the post exists now or can never be made (nothing left to retry).</summary>
    public async Task<bool> PostOnceAsync(
        long conversationReferenceId, Reply reply, string idempotencyKey, string kind, string? promotionId, CancellationToken cancellationToken,
        string? threadId = null)
    {
        if (await IsPostedAsync(idempotencyKey, cancellationToken))
            return true;

        var result = await PostAsync(conversationReferenceId, reply, idempotencyKey, kind, promotionId, cancellationToken, threadId);
        switch (result.Outcome)
        {
            case PostOutcome.Posted or PostOutcome.AlreadyPosted:
                return true;
            case PostOutcome.Undeliverable:
                // Retrying cannot help (conversation gone, no adapter); why was logged when it failed.
                return true;
            default:
                ChatLog.PostPending(logger, idempotencyKey, result.Outcome);
                return false;
        }
    }

    /// <summary>True when the post with <paramref name="idempotencyKey"/> has been made: a read, without another reservation attempt.</summary>
    public async Task<bool> IsPostedAsync(string idempotencyKey, CancellationToken cancellationToken) =>
        (await outboundPosts.FindAsync(idempotencyKey, cancellationToken))?.PostedAt is not null;

    /// <summary>
    /// Posts a reply once into every subscribed conversation (with <paramref name="outcomesOnly"/>, only those that asked
    /// for outcomes too), keyed <c>{keyPrefix}:{conversation}</c>. The reply is built only when some conversation still
    /// needs it; a null reply means "not yet" (false: try again later). <paramref name="kindOf"/>, when given, names the
    /// posts' kind once the reply is built (what building it read may change what the post is).
    /// </summary>
    public async Task<bool> PostToSubscribersAsync(
        Func<Task<Reply?>> reply, string keyPrefix, string kind, string? promotionId, bool outcomesOnly, long? except, CancellationToken cancellationToken,
        Func<string>? kindOf = null)
    {
        var pending = new List<(long Conversation, string Key)>();
        foreach (var subscription in await conversations.SubscriptionsAsync(outcomesOnly, cancellationToken))
        {
            var key = $"{keyPrefix}:{subscription.ConversationReferenceId}";
            if (subscription.ConversationReferenceId != except && !await IsPostedAsync(key, cancellationToken))
                pending.Add((subscription.ConversationReferenceId, key));
        }

        return await PostEachOnceAsync(pending, reply, () => kindOf?.Invoke() ?? kind, promotionId, cancellationToken);
    }

    /// <summary>
    /// Posts a follow-up once into the conversation of every post about <paramref name="promotionId"/> whose kind
    /// <paramref name="owedAfter"/> accepts (e.g. an outcome made before its parity report could be read), keyed
    /// <c>{keyPrefix}:{conversation}</c>. The reply is built only when a follow-up is still owed; null means "not yet".
    /// <paramref name="threadOf"/> names the thread to post into per conversation (null: the stored one).
    /// </summary>
    public async Task<bool> FollowUpAsync(
        string promotionId, Func<string, bool> owedAfter, Func<Task<Reply?>> reply, string keyPrefix, string kind, CancellationToken cancellationToken,
        Func<long, string?>? threadOf = null)
    {
        var pending = new List<(long Conversation, string Key)>();
        foreach (var post in await outboundPosts.PostedAboutAsync(promotionId, cancellationToken))
        {
            if (post.ConversationReferenceId is not { } conversation || !owedAfter(post.Kind))
                continue;
            var key = $"{keyPrefix}:{conversation}";
            if (pending.TrueForAll(p => p.Key != key) && !await IsPostedAsync(key, cancellationToken))
                pending.Add((conversation, key));
        }

        return await PostEachOnceAsync(pending, reply, () => kind, promotionId, cancellationToken, threadOf);
    }

    private async Task<bool> PostEachOnceAsync(
        List<(long Conversation, string Key)> pending, Func<Task<Reply?>> reply, Func<string> kind, string? promotionId, CancellationToken cancellationToken,
        Func<long, string?>? threadOf = null)
    {
        if (pending.Count == 0)
            return true;
        if (await reply() is not { } message)
            return false;

        var allDone = true;
        var kindNow = kind();
        foreach (var (conversation, key) in pending)
            allDone &= await PostOnceAsync(conversation, message, key, kindNow, promotionId, cancellationToken, threadOf?.Invoke(conversation));
        return allDone;
    }
}
