namespace JobSheetQA.Bot.GitHub;

/// <summary>Where the gateway talks to: the in-process sandbox (docs/architecture.md; <c>GitHub:Mode</c> in
/// src/JobSheetQA.Bot/GitHub/README.md) or a real GitHub (api.github.com or GHES).</summary>
public enum GitHubMode
{
    Sandbox,
    GitHub,
}
