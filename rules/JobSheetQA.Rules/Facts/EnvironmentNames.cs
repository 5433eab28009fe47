namespace JobSheetQA.Rules.Facts;

/// <summary>The runbook's two environments (§2.1). Production's protections are fixed in code, not in policy data.</summary>
public static class EnvironmentNames
{
    public const string Staging = "staging";
    public const string Production = "production";
}
