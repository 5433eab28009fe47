namespace JobSheetQA.Bot.GitHub;

/// <summary>Where the gateway talks to: the in-process sandbox (design.md §8) or a real GitHub (api.github.com or GHES).</summary>
public enum GitHubMode
{
    Sandbox,
    GitHub,
}
