using JobSheetQA.Rules.Facts;

namespace JobSheetQA.Bot.GitHub.Variables;

/// <summary>
/// One Actions variable at every scope GitHub applies to a deployment job; null where the scope does not set it.
/// GitHub's precedence: the environment's value wins over the repository's, which wins over the organisation's.
/// </summary>
public sealed record VariableScopes(string Environment, string Name, string? EnvironmentValue, string? RepositoryValue, string? OrganizationValue)
{
    /// <summary>What the deploy job reads, and from which scope (unset everywhere: an unset environment variable).</summary>
    public PostureFlag Winning =>
        EnvironmentValue is not null ? new PostureFlag(Environment, Name, EnvironmentValue)
        : RepositoryValue is not null ? new PostureFlag(Environment, Name, RepositoryValue) { Scope = VariableScope.Repository }
        : OrganizationValue is not null ? new PostureFlag(Environment, Name, OrganizationValue) { Scope = VariableScope.Organization }
        : new PostureFlag(Environment, Name, null);
}
