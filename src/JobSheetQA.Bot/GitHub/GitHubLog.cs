using Microsoft.Extensions.Logging;

namespace JobSheetQA.Bot.GitHub;

/// <summary>The GitHub module's log lines (gateway, sandbox wiring, webhooks). None carries a token, key, JWT,
/// webhook secret or Authorization header.</summary>
internal static partial class GitHubLog
{
    [LoggerMessage(EventId = 4100, Level = LogLevel.Warning, Message = "GitHub {Operation} failed transiently ({Reason}); attempt {Attempt}, retrying in {DelayMs} ms")]
    public static partial void RetryingTransient(ILogger logger, string operation, string reason, int attempt, long delayMs);

    [LoggerMessage(EventId = 4101, Level = LogLevel.Warning, Message = "GitHub {Operation} hit a {Limit} rate limit; waiting {DelayMs} ms before attempt {NextAttempt}")]
    public static partial void WaitingForRateLimit(ILogger logger, string operation, string limit, long delayMs, int nextAttempt);

    [LoggerMessage(EventId = 4102, Level = LogLevel.Warning, Message = "GitHub {Operation} failed: {Kind} (HTTP {StatusCode}) {Message}")]
    public static partial void CallFailed(ILogger logger, string operation, GitHubErrorKind kind, int? statusCode, string message);

    [LoggerMessage(EventId = 4103, Level = LogLevel.Information, Message = "GitHub App installation {InstallationId} token issued; expires at {ExpiresAt:o}")]
    public static partial void InstallationTokenIssued(ILogger logger, long installationId, DateTimeOffset expiresAt);

    [LoggerMessage(EventId = 4104, Level = LogLevel.Warning, Message = "GitHub {Operation} refused before sending: {Reason}")]
    public static partial void RequestRefused(ILogger logger, string operation, string reason);

    [LoggerMessage(EventId = 4110, Level = LogLevel.Information, Message = "Dispatching {Workflow} on {Ref} for promotion {CorrelationId} (target {Environment}, run details {RunDetails})")]
    public static partial void Dispatching(ILogger logger, string workflow, string @ref, string correlationId, string environment, bool runDetails);

    [LoggerMessage(EventId = 4111, Level = LogLevel.Information, Message = "Dispatch of promotion {CorrelationId} answered HTTP {StatusCode}; run {RunId}")]
    public static partial void Dispatched(ILogger logger, string correlationId, int statusCode, long? runId);

    [LoggerMessage(EventId = 4112, Level = LogLevel.Warning, Message = "Dispatch of promotion {CorrelationId} was rejected with HTTP 400; retrying once without return_run_details and the API version pin")]
    public static partial void DispatchLegacyRetry(ILogger logger, string correlationId);

    [LoggerMessage(EventId = 4113, Level = LogLevel.Warning, Message = "Dispatch of promotion {CorrelationId} has an unknown outcome ({Kind}); searching for its run instead of dispatching again")]
    public static partial void DispatchOutcomeUnknown(ILogger logger, string correlationId, GitHubErrorKind kind);

    [LoggerMessage(EventId = 4114, Level = LogLevel.Information, Message = "Found run {RunId} for promotion {CorrelationId} by correlation id after {Polls} look(s)")]
    public static partial void CorrelatedRun(ILogger logger, long runId, string correlationId, int polls);

    [LoggerMessage(EventId = 4115, Level = LogLevel.Warning, Message = "No run for promotion {CorrelationId} appeared after {Polls} look(s)")]
    public static partial void CorrelationTimedOut(ILogger logger, string correlationId, int polls);

    [LoggerMessage(EventId = 4116, Level = LogLevel.Warning, Message = "Promotion {CorrelationId} was already dispatched by this process; searching for its run instead of dispatching again")]
    public static partial void AlreadyDispatched(ILogger logger, string correlationId);

    [LoggerMessage(EventId = 4120, Level = LogLevel.Warning, Message = "GitHub sandbox — no real GitHub. Serving {Owner}/{Repository} at {BaseAddress}; promotions run against simulated workflows only")]
    public static partial void SandboxBanner(ILogger logger, string owner, string repository, Uri baseAddress);

    [LoggerMessage(EventId = 4130, Level = LogLevel.Debug, Message = "Webhook for workflow run {RunId} matches no promotion in flight")]
    public static partial void WebhookRunNotInFlight(ILogger logger, long runId);

    [LoggerMessage(EventId = 4131, Level = LogLevel.Information, Message = "GitHub delivery {Delivery} ({Event}) was handled before; ignoring the redelivery")]
    public static partial void WebhookRedeliveryIgnored(ILogger logger, string? delivery, string? @event);
    [LoggerMessage(EventId = 4132, Message = "GitHub delivery {Delivery} ({Event}) refused ({Status}): {Reason} ({Repeats} more of this kind since the last warning)")]
    public static partial void WebhookRefused(ILogger logger, LogLevel level, string? delivery, string? @event, int status, string reason, long repeats);

    [LoggerMessage(EventId = 4133, Level = LogLevel.Debug, Message = "GitHub delivery {Delivery} ({Event}) acknowledged and ignored: {Reason}")]
    public static partial void WebhookIgnored(ILogger logger, string? delivery, string? @event, string reason);

    [LoggerMessage(EventId = 4135, Level = LogLevel.Information, Message = "Deployment protection rule for run {RunId} ({Environment}, commit {CommitSha}, started by {Sender}) requested by delivery {Delivery}")]
    public static partial void ProtectionRuleRequested(ILogger logger, long runId, string environment, string commitSha, string sender, string delivery);

}
