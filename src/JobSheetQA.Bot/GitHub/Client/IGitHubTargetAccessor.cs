namespace JobSheetQA.Bot.GitHub.Client;

/// <summary>Where the gateway points. Fixed from settings in GitHub mode; set by the sandbox host once it listens in Sandbox mode.</summary>
public interface IGitHubTargetAccessor
{
    GitHubTarget Target { get; }
}
