namespace JobSheetQA.Bot.Posture;

/// <summary>The posture module's log lines.</summary>
internal static partial class PostureLog
{
    [LoggerMessage(EventId = 6300, Level = LogLevel.Information, Message = "Write window {WindowId} opened on {Environment} for {ChangeRequest} until {EndsAt} by {UserId}")]
    public static partial void WriteWindowOpened(ILogger logger, long windowId, string environment, string changeRequest, DateTimeOffset endsAt, string userId);

    [LoggerMessage(EventId = 6301, Level = LogLevel.Information, Message = "Write window {WindowId} set {Flags} to true on {Environment}")]
    public static partial void WriteWindowFlagsSet(ILogger logger, long windowId, string environment, string flags);

    [LoggerMessage(EventId = 6302, Level = LogLevel.Warning, Message = "Write window {WindowId} could not set its flags on {Environment}: {Error}; the window was closed")]
    public static partial void WriteWindowFlagsNotSet(ILogger logger, long windowId, string environment, string error);

    [LoggerMessage(EventId = 6303, Level = LogLevel.Information, Message = "Write window {WindowId} restored its flags on {Environment} (read back)")]
    public static partial void WriteWindowRestored(ILogger logger, long windowId, string environment);

    [LoggerMessage(EventId = 6304, Level = LogLevel.Warning, Message = "Write window {WindowId} could not restore its flags on {Environment} (attempt {Attempt}): {Error}; retrying")]
    public static partial void WriteWindowRestoreFailed(ILogger logger, long windowId, string environment, int attempt, string error);
}
