namespace JobSheetQA.Bot.Channels.Inbound;

/// <summary>The durable inbound queue's log lines; none carries a payload (it may hold a user's words or a response_url).</summary>
internal static partial class InboundLog
{
    [LoggerMessage(EventId = 5300, Level = LogLevel.Information, Message = "Inbound queue: {Count} claim(s) left by an earlier process released at start-up")]
    public static partial void ClaimsReleased(ILogger logger, int count);

    [LoggerMessage(EventId = 5301, Level = LogLevel.Warning, Message = "Inbound turn {TurnId} ({Channel} {InboundId}) failed on attempt {Attempt} of {MaxAttempts}; trying again at {RetryAt}")]
    public static partial void TurnRetrying(ILogger logger, Exception exception, long turnId, string channel, string inboundId, int attempt, int maxAttempts, DateTimeOffset retryAt);

    [LoggerMessage(EventId = 5302, Level = LogLevel.Error, Message = "Inbound turn {TurnId} ({Channel} {InboundId}) given up after {Attempts} attempt(s); the asker is told")]
    public static partial void TurnGivenUp(ILogger logger, Exception exception, long turnId, string channel, string inboundId, int attempts);

    [LoggerMessage(EventId = 5303, Level = LogLevel.Error, Message = "Inbound turn {TurnId} ({Channel} {InboundId}) was given up, and telling the asker failed too")]
    public static partial void GiveUpNoticeFailed(ILogger logger, Exception exception, long turnId, string channel, string inboundId);

    [LoggerMessage(EventId = 5304, Level = LogLevel.Warning, Message = "Inbound queue could not be read; trying again in {Delay}")]
    public static partial void QueueUnavailable(ILogger logger, Exception exception, TimeSpan delay);

    [LoggerMessage(EventId = 5305, Level = LogLevel.Warning, Message = "Inbound turn {TurnId}: the claim was lost while it was handled (another worker may take it again)")]
    public static partial void ClaimLost(ILogger logger, long turnId);

    [LoggerMessage(EventId = 5306, Level = LogLevel.Information, Message = "Inbound turn {TurnId} ({Channel} {InboundId}) taken again, attempt {Attempt}: its earlier attempt did not finish")]
    public static partial void TurnResumed(ILogger logger, long turnId, string channel, string inboundId, int attempt);
}
