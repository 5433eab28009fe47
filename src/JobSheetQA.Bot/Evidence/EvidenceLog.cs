namespace JobSheetQA.Bot.Evidence;

/// <summary>The evidence module's log lines.</summary>
internal static partial class EvidenceLog
{
    [LoggerMessage(EventId = 6400, Level = LogLevel.Information, Message = "Staging verification of {CommitSha} on {Environment} recorded by {UserId}")]
    public static partial void VerificationRecorded(ILogger logger, string commitSha, string environment, string userId);
}
