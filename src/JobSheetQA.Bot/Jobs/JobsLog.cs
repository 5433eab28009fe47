using JobSheetQA.Bot.GitHub;

namespace JobSheetQA.Bot.Jobs;

/// <summary>The jobs module's log lines.</summary>
internal static partial class JobsLog
{
    [LoggerMessage(EventId = 6100, Level = LogLevel.Warning, Message = "Tracking promotion {PromotionId}: GitHub answered {Kind} ({Message}); polling again later")]
    public static partial void TrackingBackingOff(ILogger logger, string promotionId, GitHubErrorKind kind, string message);

    [LoggerMessage(EventId = 6101, Level = LogLevel.Warning, Message = "No workflow run found for promotion {PromotionId} (correlation id {CorrelationId}); failing it")]
    public static partial void RunNotFound(ILogger logger, string promotionId, string correlationId);

    [LoggerMessage(EventId = 6102, Level = LogLevel.Warning, Message = "Giving up on the remaining posts for finished promotion {PromotionId}")]
    public static partial void GivingUpOnPosts(ILogger logger, string promotionId);

    [LoggerMessage(EventId = 6103, Level = LogLevel.Information, Message = "Reconciler started tracking {Count} in-flight promotion(s)")]
    public static partial void TrackingRevived(ILogger logger, int count);

    [LoggerMessage(EventId = 6104, Level = LogLevel.Information, Message = "Tracking resumed for {Count} in-flight promotion(s)")]
    public static partial void TrackingResumed(ILogger logger, int count);

    [LoggerMessage(EventId = 6105, Level = LogLevel.Warning, Message = "Promotion {PromotionId} judged commit {JudgedCommit} but run {RunId} built {BuiltCommit}; cancel: {Cancel}; failing it")]
    public static partial void RunBuiltOtherCommit(ILogger logger, string promotionId, string judgedCommit, long runId, string builtCommit, string cancel);

    [LoggerMessage(EventId = 6106, Level = LogLevel.Warning, Message = "Promotion {PromotionId}: run {RunId} concluded {Conclusion} but {Gate} is {Failure}; failing it")]
    public static partial void RunGateShortfall(ILogger logger, string promotionId, long runId, string? conclusion, Rules.Facts.PromotionStep gate, Storage.PromotionFailure failure);

    [LoggerMessage(EventId = 6107, Level = LogLevel.Warning, Message = "GitHub has answered 404 for run {RunId} of promotion {PromotionId} since {Since:O}; failing it")]
    public static partial void RunGone(ILogger logger, string promotionId, long runId, DateTimeOffset since);

    [LoggerMessage(EventId = 6110, Level = LogLevel.Information, Message = "Acknowledgement {AcknowledgementId} expired; promotion {PromotionId} is {State}, left as it is")]
    public static partial void AcknowledgementExpiredAfterPromotionMovedOn(ILogger logger, string acknowledgementId, string promotionId, Storage.PromotionState? state);

    [LoggerMessage(EventId = 6120, Level = LogLevel.Warning, Message = "Write window {WindowId} end check: could not read {Environment}'s posture flags ({Kind}: {Message})")]
    public static partial void WriteWindowFlagsUnreadable(ILogger logger, long windowId, string environment, GitHubErrorKind kind, string message);

    [LoggerMessage(EventId = 6130, Level = LogLevel.Information, Message = "Forgot {Count} inbound id(s) received before {Cutoff:O}")]
    public static partial void InboundPruned(ILogger logger, int count, DateTimeOffset cutoff);

    [LoggerMessage(EventId = 6140, Level = LogLevel.Warning, Message = "Jobs dashboard sign-in refused for a request from {RemoteAddress}: {Reason}")]
    public static partial void DashboardSignInRefused(ILogger logger, string remoteAddress, string reason);

    [LoggerMessage(EventId = 6150, Level = LogLevel.Information, Message = "Protection review sweep: {Count} pending review(s) queued, answered or sent again")]
    public static partial void ProtectionReviewsSwept(ILogger logger, int count);
}
