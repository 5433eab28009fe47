namespace JobSheetQA.Bot.Chat.Outbound;

/// <summary>How a post went.</summary>
public enum ChannelSendStatus
{
    Sent,

    /// <summary>Worth retrying later (network, 429, 5xx).</summary>
    Transient,

    /// <summary>Never going to work (the bot was removed, the conversation is gone, 403/404): do not retry.</summary>
    Permanent,
}

/// <summary>The outcome of one post or update: the platform's message id when sent, otherwise what went wrong.</summary>
public sealed record ChannelSendResult(ChannelSendStatus Status, string? MessageId = null, string? Error = null)
{
    public bool Succeeded => Status == ChannelSendStatus.Sent;

    public static ChannelSendResult Sent(string messageId) => new(ChannelSendStatus.Sent, messageId);

    public static ChannelSendResult TransientFailure(string error) => new(ChannelSendStatus.Transient, Error: error);

    public static ChannelSendResult PermanentFailure(string error) => new(ChannelSendStatus.Permanent, Error: error);
}
