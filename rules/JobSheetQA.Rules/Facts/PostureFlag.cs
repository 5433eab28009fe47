namespace JobSheetQA.Rules.Facts;

/// <summary>
/// A production posture variable such as <c>ENABLE_PURGE_EXECUTION</c> (runbook §4.1), as the deploy job sees it: the
/// value that wins among GitHub's scopes (environment over repository over organisation).
/// </summary>
/// <param name="Environment">The environment whose deploy job reads the variable.</param>
/// <param name="Name">The variable name.</param>
/// <param name="Value">The winning raw value; null when the variable is unset at every scope.</param>
public sealed record PostureFlag(string Environment, string Name, string? Value)
{
    /// <summary>The scope the winning value comes from (<see cref="VariableScope.Environment"/> when unset everywhere).</summary>
    public VariableScope Scope { get; init; } = VariableScope.Environment;

    /// <summary>
    /// Fail closed (runbook §4.2: "false or unset"): only unset (or blank, which GitHub does not store) or <c>false</c>
    /// (any case, trimmed) counts as off; any other value (<c>true</c>, <c>0</c>, <c>yes</c>, a typo) counts as on, since
    /// the application may read it as on.
    /// </summary>
    public bool IsEnabled => !string.IsNullOrWhiteSpace(Value) && !string.Equals(Value.Trim(), "false", StringComparison.OrdinalIgnoreCase);

    public string DisplayValue => Value ?? "unset";
}
