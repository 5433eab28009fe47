namespace JobSheetQA.Bot.GitHub.Client;

/// <summary>Holds the <see cref="GitHubTarget"/>; the sandbox host fills it in after binding its port.</summary>
public sealed class GitHubTargetAccessor : IGitHubTargetAccessor
{
    private volatile GitHubTarget? target;

    public GitHubTargetAccessor()
    {
    }

    public GitHubTargetAccessor(GitHubTarget target) => this.target = target;

    public GitHubTarget Target => target
        ?? throw new InvalidOperationException("The GitHub sandbox has not started yet, so the gateway has nowhere to send requests.");

    public bool IsSet => target is not null;

    public void Set(GitHubTarget target) => this.target = target ?? throw new ArgumentNullException(nameof(target));
}
