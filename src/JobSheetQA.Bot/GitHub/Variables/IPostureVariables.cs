namespace JobSheetQA.Bot.GitHub.Variables;

/// <summary>
/// Actions variables at every scope (read) and an environment's variables (write): what <c>posture</c> shows and what
/// a managed write window (runbook §4.3 "update environment variables explicitly") changes and restores.
/// </summary>
public interface IPostureVariables
{
    /// <summary>Each of <paramref name="names"/> at environment, repository and organisation scope (organisation
    /// variables as shared with the repository).</summary>
    Task<GitHubResult<IReadOnlyList<VariableScopes>>> ReadScopesAsync(string environment, IReadOnlyCollection<string> names, CancellationToken cancellationToken = default);

    /// <summary>Sets the environment variable to <paramref name="value"/> (updated, or created when absent), or deletes
    /// it when <paramref name="value"/> is null (absent already is success). Idempotent.</summary>
    Task<GitHubResult<bool>> SetEnvironmentVariableAsync(string environment, string name, string? value, CancellationToken cancellationToken = default);
}
