using JobSheetQA.Bot.GitHub;
using JobSheetQA.Bot.Storage;

namespace JobSheetQA.Bot.Promotions;

/// <summary>The promotions module's log lines.</summary>
internal static partial class PromotionsLog
{
    [LoggerMessage(EventId = 6000, Level = LogLevel.Information, Message = "Promotion {PromotionId} ({Environment}) moved {From} → {To} by {ActorId}")]
    public static partial void Moved(ILogger logger, string promotionId, string environment, PromotionState from, PromotionState to, string actorId);

    [LoggerMessage(EventId = 6001, Level = LogLevel.Warning, Message = "Promotion {PromotionId} is {State} but held {Environment}; released it")]
    public static partial void StaleLockReleased(ILogger logger, string promotionId, PromotionState state, string environment);

    [LoggerMessage(EventId = 6010, Level = LogLevel.Warning, Message = "Dispatch of promotion {PromotionId} has an unknown outcome ({Kind}); the tracker will look for its run")]
    public static partial void DispatchOutcomeUnknown(ILogger logger, string promotionId, GitHubErrorKind kind);

    [LoggerMessage(EventId = 6011, Level = LogLevel.Warning, Message = "Dispatch of promotion {PromotionId} failed ({Kind})")]
    public static partial void DispatchFailed(ILogger logger, string promotionId, GitHubErrorKind kind);

    [LoggerMessage(EventId = 6012, Level = LogLevel.Warning, Message = "Promotion {PromotionId} was {State} when its run {RunId} started; cancelling the run")]
    public static partial void CancellingRunOfStoppedPromotion(ILogger logger, string promotionId, PromotionState state, long runId);

    [LoggerMessage(EventId = 6013, Level = LogLevel.Warning, Message = "Promotion {PromotionId} was {State} when its run {RunId} appeared; cancelling the run")]
    public static partial void CancellingFoundRunOfStoppedPromotion(ILogger logger, string promotionId, PromotionState state, long runId);

    [LoggerMessage(EventId = 6014, Level = LogLevel.Warning, Message = "Promotion {PromotionId} was {State} during a dispatch of unknown outcome and no run was found")]
    public static partial void NoRunForStoppedPromotion(ILogger logger, string promotionId, PromotionState state);

    [LoggerMessage(EventId = 6020, Level = LogLevel.Information, Message = "Deployment protection rule: run {RunId} to {Environment} (commit {CommitSha}) answered {Answer} ({Review}); promotion {PromotionId}")]
    public static partial void ProtectionRuleReviewed(ILogger logger, long runId, string environment, string commitSha, string answer, string review, string? promotionId);

    [LoggerMessage(EventId = 6021, Level = LogLevel.Error, Message = "Deployment protection rule: judging run {RunId} to {Environment} failed; rejecting it")]
    public static partial void ProtectionRuleJudgingFailed(ILogger logger, long runId, string environment, Exception exception);

    [LoggerMessage(EventId = 6022, Level = LogLevel.Information, Message = "Deployment protection rule for run {RunId} ({Environment}) was received before; ignoring delivery {Delivery}")]
    public static partial void ProtectionRuleAlreadyReviewed(ILogger logger, long runId, string environment, string delivery);

    [LoggerMessage(EventId = 6023, Level = LogLevel.Warning, Message = "Deployment protection rule for run {RunId} of {Repository} ignored: this bot promotes {Ours}")]
    public static partial void ProtectionRuleOtherRepository(ILogger logger, long runId, string repository, string ours);

    [LoggerMessage(EventId = 6024, Level = LogLevel.Information, Message = "Deployment protection rule: run {RunId} to {Environment} stored as pending review {PendingReviewId}; judging it in the background")]
    public static partial void ProtectionRuleQueued(ILogger logger, long runId, string environment, long pendingReviewId);

    [LoggerMessage(EventId = 6025, Level = LogLevel.Warning, Message = "Deployment protection rule: the answer to run {RunId} ({Environment}) was not taken by GitHub (attempt {Attempt}): {Kind} {Message}")]
    public static partial void ProtectionRuleAnswerNotTaken(ILogger logger, long runId, string environment, int attempt, GitHubErrorKind kind, string message);

    [LoggerMessage(EventId = 6026, Level = LogLevel.Warning, Message = "Deployment protection rule: pending review {PendingReviewId} of run {RunId} ({Environment}) was not answered within {GiveUpAfter}; rejecting it")]
    public static partial void ProtectionRuleGivenUp(ILogger logger, long pendingReviewId, long runId, string environment, TimeSpan giveUpAfter);

    [LoggerMessage(EventId = 6027, Level = LogLevel.Warning, Message = "Deployment protection rule: pending review {PendingReviewId} of run {RunId} was given up on while it was judged; the sweep's rejection stands")]
    public static partial void ProtectionRuleDecidedTooLate(ILogger logger, long pendingReviewId, long runId);
}
