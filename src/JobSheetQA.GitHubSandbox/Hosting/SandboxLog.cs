namespace JobSheetQA.GitHubSandbox.Hosting;

/// <summary>The sandbox's log messages.</summary>
internal static partial class SandboxLog
{
    [LoggerMessage(Level = LogLevel.Information,
        Message = "GitHub sandbox for {Owner}/{Repo}: Octokit base address {BaseAddress}, API {Api}, control {Control}")]
    public static partial void Started(ILogger logger, string owner, string repo, Uri baseAddress, Uri api, Uri control);

    /// <summary>Standalone only: the in-process sandbox (the bot's, tests') never logs its token.</summary>
    [LoggerMessage(Level = LogLevel.Information,
        Message = "Control API token for this start (send Authorization: Bearer <token>; set Sandbox:ControlToken to choose one): {Token}")]
    public static partial void GeneratedControlToken(ILogger logger, string token);

    [LoggerMessage(Level = LogLevel.Information, Message = "Control API token: the one set in Sandbox:ControlToken (send Authorization: Bearer <token>)")]
    public static partial void ConfiguredControlToken(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "Sent deployment_protection_rule for run {RunId} ({Environment}) to {Target}: HTTP {Status}")]
    public static partial void ProtectionRuleDelivered(ILogger logger, long runId, string environment, Uri target, int status);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not deliver deployment_protection_rule for run {RunId} to {Target}: {Reason}")]
    public static partial void ProtectionRuleDeliveryFailed(ILogger logger, long runId, Uri target, string reason);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Sent {Event} to {Target}: HTTP {Status}")]
    public static partial void WebhookDelivered(ILogger logger, string @event, Uri target, int status);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not deliver {Event} to {Target}: {Reason}")]
    public static partial void WebhookDeliveryFailed(ILogger logger, string @event, Uri target, string reason);
}
