namespace JobSheetQA.Bot.Chat.Outbound;

/// <summary>What <see cref="ConversationPoster.PostAsync"/> did.</summary>
public enum PostOutcome
{
    /// <summary>Posted a new message or updated the one with the reply's update key.</summary>
    Posted,

    /// <summary>This idempotency key was posted before; nothing was sent again.</summary>
    AlreadyPosted,

    /// <summary>Another worker holds the key right now; it will post (or release it for a retry).</summary>
    InProgress,

    /// <summary>Failed but worth retrying: the key was released.</summary>
    RetryLater,

    /// <summary>Failed for good (conversation gone, no adapter for its channel): the key was released, nothing will come of retrying.</summary>
    Undeliverable,
}
