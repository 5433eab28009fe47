using JobSheetQA.Bot.Chat.Outbound;

namespace JobSheetQA.Bot.Chat;

/// <summary>The chat module's log lines: turns and posts. None carries message text a user typed.</summary>
internal static partial class ChatLog
{
    [LoggerMessage(EventId = 6200, Level = LogLevel.Information, Message = "Ignored repeated delivery {InboundId} on {Channel}")]
    public static partial void RepeatedDelivery(ILogger logger, string inboundId, string channel);

    [LoggerMessage(EventId = 6210, Level = LogLevel.Warning, Message = "Post failed ({Status}): {Error}")]
    public static partial void PostFailed(ILogger logger, ChannelSendStatus status, string? error);

    [LoggerMessage(EventId = 6211, Level = LogLevel.Warning, Message = "Post undeliverable: {Error}")]
    public static partial void PostUndeliverable(ILogger logger, string error);

    [LoggerMessage(EventId = 6212, Level = LogLevel.Information, Message = "Post {Key} not made yet ({Outcome}); the next run of the job tries again")]
    public static partial void PostPending(ILogger logger, string key, PostOutcome outcome);

    [LoggerMessage(EventId = 6213, Level = LogLevel.Warning, Message = "Turn {InboundId}: the reply {UpdateKey} to be updated later could not be posted ({Outcome}): {Error}")]
    public static partial void TurnPostFailed(ILogger logger, string inboundId, string updateKey, PostOutcome outcome, string? error);

    [LoggerMessage(EventId = 6220, Level = LogLevel.Error, Message = "The protection rule review of run {RunId} could not be worded; rejecting it with the fallback comment")]
    public static partial void ProtectionRuleWordingFailed(ILogger logger, long runId, Exception exception);

}
