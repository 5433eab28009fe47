namespace JobSheetQA.Bot.Posture;

/// <summary>The posture module's log lines.</summary>
internal static partial class PostureLog
{
    [LoggerMessage(EventId = 6300, Level = LogLevel.Information, Message = "Write window {WindowId} opened on {Environment} for {ChangeRequest} until {EndsAt} by {UserId}")]
    public static partial void WriteWindowOpened(ILogger logger, long windowId, string environment, string changeRequest, DateTimeOffset endsAt, string userId);
}
