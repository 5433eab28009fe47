namespace JobSheetQA.Bot.Channels.Teams;

/// <summary>The Teams adapter's log lines. None carries a token, secret, signing key or Authorization header.</summary>
internal static partial class TeamsLog
{
    [LoggerMessage(EventId = 5100, Message = "Teams activity refused (401): {Reason} ({Repeats} more refused since the last warning)")]
    public static partial void Unauthenticated(ILogger logger, LogLevel level, string reason, long repeats);

    [LoggerMessage(EventId = 5101, Message = "Teams activity refused (400): {Reason} ({Repeats} more of this kind since the last warning)")]
    public static partial void Malformed(ILogger logger, LogLevel level, string reason, long repeats);

    [LoggerMessage(EventId = 5102, Message = "No app id: accepting unauthenticated Teams activities (Development only)")]
    public static partial void AnonymousAccepted(ILogger logger, LogLevel level);

    [LoggerMessage(EventId = 5103, Level = LogLevel.Information, Message = "OpenID metadata {Url} loaded: {KeyCount} signing key(s)")]
    public static partial void MetadataLoaded(ILogger logger, string url, int keyCount);

    [LoggerMessage(EventId = 5104, Level = LogLevel.Warning, Message = "OpenID metadata {Url} could not be loaded: {Reason}")]
    public static partial void MetadataFailed(ILogger logger, string url, string reason);

    [LoggerMessage(EventId = 5110, Level = LogLevel.Warning, Message = "Bot Connector {Operation} answered HTTP {StatusCode}; attempt {Attempt}, retrying in {DelayMs} ms")]
    public static partial void ConnectorRetrying(ILogger logger, string operation, int statusCode, int attempt, long delayMs);

    [LoggerMessage(EventId = 5111, Level = LogLevel.Warning, Message = "Bot Connector {Operation} failed: {Error}")]
    public static partial void ConnectorFailed(ILogger logger, string operation, string error);

    [LoggerMessage(EventId = 5112, Level = LogLevel.Warning, Message = "Not sending to serviceUrl host {Host}: it is not on Teams:AllowedServiceUrlHosts")]
    public static partial void ServiceUrlRefused(ILogger logger, string host);

    [LoggerMessage(EventId = 5113, Level = LogLevel.Warning, Message = "Bot Connector token could not be acquired: {Reason}")]
    public static partial void TokenFailed(ILogger logger, string reason);

    [LoggerMessage(EventId = 5120, Level = LogLevel.Information, Message = "Bot installed in Teams conversation {ConversationId}; welcomed")]
    public static partial void Welcomed(ILogger logger, string conversationId);

    [LoggerMessage(EventId = 5121, Level = LogLevel.Information, Message = "Bot removed from a Teams conversation; forgot {Count} conversation reference(s)")]
    public static partial void Forgotten(ILogger logger, int count);

    [LoggerMessage(EventId = 5122, Level = LogLevel.Warning, Message = "A reply to Teams activity {ActivityId} was not delivered ({Status}): {Error}")]
    public static partial void ReplyFailed(ILogger logger, string? activityId, string status, string? error);

    [LoggerMessage(EventId = 5130, Level = LogLevel.Information, Message = "Talk to the bot with the local Teams simulator (no Microsoft account needed): {Command}")]
    public static partial void SimulatorHint(ILogger logger, string command);
}
