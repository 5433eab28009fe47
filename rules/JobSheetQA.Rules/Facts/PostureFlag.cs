namespace JobSheetQA.Rules.Facts;

/// <summary>A production posture variable such as <c>ENABLE_PURGE_EXECUTION</c> (runbook §4.1).</summary>
/// <param name="Environment">The environment whose variables were read.</param>
/// <param name="Name">The variable name.</param>
/// <param name="Value">The raw value; null when the variable is unset.</param>
public sealed record PostureFlag(string Environment, string Name, string? Value)
{
    /// <summary>Unset or anything other than <c>true</c> counts as false (runbook §4.2: "false or unset").</summary>
    public bool IsEnabled => string.Equals(Value?.Trim(), "true", StringComparison.OrdinalIgnoreCase);

    public string DisplayValue => Value ?? "unset";
}
