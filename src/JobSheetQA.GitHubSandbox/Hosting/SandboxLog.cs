namespace JobSheetQA.GitHubSandbox.Hosting;

/// <summary>The sandbox's log messages.</summary>
internal static partial class SandboxLog
{
    [LoggerMessage(Level = LogLevel.Information,
        Message = "GitHub sandbox for {Owner}/{Repo}: Octokit base address {BaseAddress}, API {Api}, control {Control}")]
    public static partial void Started(ILogger logger, string owner, string repo, Uri baseAddress, Uri api, Uri control);
}
