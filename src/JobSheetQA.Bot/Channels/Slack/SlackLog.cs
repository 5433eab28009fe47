namespace JobSheetQA.Bot.Channels.Slack;

/// <summary>The Slack adapter's log lines. None carries a token, the signing secret, a signature or an Authorization header.</summary>
internal static partial class SlackLog
{
    [LoggerMessage(EventId = 5200, Message = "Slack request to {Path} refused: {Reason} ({Repeats} more of this kind since the last warning)")]
    public static partial void RequestRefused(ILogger logger, LogLevel level, string path, string reason, long repeats);

    [LoggerMessage(EventId = 5201, Message = "Slack request to {Path} is malformed: {Reason} ({Repeats} more of this kind since the last warning)")]
    public static partial void RequestMalformed(ILogger logger, LogLevel level, string path, string reason, long repeats);

    [LoggerMessage(EventId = 5202, Level = LogLevel.Debug, Message = "Slack {Source} ignored: {Reason}")]
    public static partial void Ignored(ILogger logger, string source, string reason);

    [LoggerMessage(EventId = 5203, Level = LogLevel.Information, Message = "Slack retried event {EventId} (attempt {RetryNum}, {RetryReason})")]
    public static partial void EventRetried(ILogger logger, string eventId, string retryNum, string retryReason);

    [LoggerMessage(EventId = 5204, Level = LogLevel.Warning, Message = "Slack inbound queue is full ({Capacity}); asking Slack to retry {Path} later")]
    public static partial void QueueFull(ILogger logger, int capacity, string path);

    [LoggerMessage(EventId = 5205, Level = LogLevel.Information, Message = "Slack event {EventId} was delivered before; handled once")]
    public static partial void DuplicateEvent(ILogger logger, string eventId);

    [LoggerMessage(EventId = 5207, Level = LogLevel.Warning, Message = "Slack {Source} from user {UserId} refused: workspace {TeamId} (enterprise {EnterpriseId}) is not on Slack:AllowedTeams")]
    public static partial void WorkspaceRefused(ILogger logger, string source, string teamId, string enterpriseId, string userId);

    [LoggerMessage(EventId = 5208, Level = LogLevel.Warning, Message = "Slack {Source} refused: user {UserId} of workspace {UserTeamId} is not of {TeamId} (a shared channel) and Slack:AllowExternalUsers is false")]
    public static partial void ExternalUserRefused(ILogger logger, string source, string userId, string userTeamId, string teamId);

    [LoggerMessage(EventId = 5209, Level = LogLevel.Information, Message = "Slack {Source}: user {UserId} of workspace {UserTeamId} admitted unverified (Slack:AllowExternalUsers)")]
    public static partial void ExternalUserAdmitted(ILogger logger, string source, string userId, string userTeamId);

    [LoggerMessage(EventId = 5210, Level = LogLevel.Warning, Message = "Slack {Method} answered ok:false {Error} {Detail}")]
    public static partial void ApiError(ILogger logger, string method, string error, string detail);

    [LoggerMessage(EventId = 5211, Level = LogLevel.Error, Message = "Slack {Method} rejected the token: {Error}. Check Slack:BotToken / Slack:AppToken and the app's scopes; not retried")]
    public static partial void AuthError(ILogger logger, string method, string error);

    [LoggerMessage(EventId = 5212, Level = LogLevel.Warning, Message = "Slack {Method} is rate limited; waiting {DelayMs} ms (Retry-After) before attempt {NextAttempt}")]
    public static partial void RateLimited(ILogger logger, string method, long delayMs, int nextAttempt);

    [LoggerMessage(EventId = 5213, Level = LogLevel.Warning, Message = "Slack {Method} failed transiently ({Reason}); attempt {Attempt}, retrying in {DelayMs} ms")]
    public static partial void Retrying(ILogger logger, string method, string reason, int attempt, long delayMs);

    [LoggerMessage(EventId = 5214, Level = LogLevel.Warning, Message = "Slack {Method} failed: {Reason}")]
    public static partial void CallFailed(ILogger logger, string method, string reason);

    [LoggerMessage(EventId = 5220, Level = LogLevel.Information, Message = "Slack Socket Mode connected; hello received")]
    public static partial void SocketHello(ILogger logger);

    [LoggerMessage(EventId = 5221, Level = LogLevel.Information, Message = "Slack Socket Mode asked to disconnect ({Reason}); reconnecting with a new URL")]
    public static partial void SocketDisconnect(ILogger logger, string reason);

    [LoggerMessage(EventId = 5222, Level = LogLevel.Warning, Message = "Slack Socket Mode connection lost ({Reason}); reconnecting in {DelayMs} ms")]
    public static partial void SocketLost(ILogger logger, string reason, long delayMs);

    [LoggerMessage(EventId = 5223, Level = LogLevel.Warning, Message = "Slack Socket Mode envelope {EnvelopeId} ({Type}) not handled: {Reason}")]
    public static partial void EnvelopeRejected(ILogger logger, string envelopeId, string type, string reason);
}
