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

    [LoggerMessage(Level = LogLevel.Debug, Message = "Sent {Delivery} to {Target}: HTTP {Status}")]
    public static partial void WebhookDelivered(ILogger logger, string delivery, Uri target, int status);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not deliver {Delivery} to {Target}: {Reason}")]
    public static partial void WebhookDeliveryFailed(ILogger logger, string delivery, Uri target, string reason);
}
