using JobSheetQA.GitHubSandbox.Simulation;

namespace JobSheetQA.GitHubSandbox.Control;

/// <summary>A simulated run with what was asked for and where it is now.</summary>
public sealed record RunSummary(
    long Id,
    int RunNumber,
    string Workflow,
    string Ref,
    string HeadSha,
    IReadOnlyDictionary<string, string> Inputs,
    Scenario Scenario,
    string Status,
    string? Conclusion,
    string DisplayTitle,
    DateTimeOffset CreatedAt,
    IReadOnlyList<JobSummary> Jobs,
    long? ArtifactId)
{
    /// <summary>Who started the run (<c>sandbox-user</c>, the App's <c>slug[bot]</c>, or the Actions tab's user).</summary>
    public string Actor { get; init; } = "";

    /// <summary>Started with the Run workflow button (<c>SandboxControl.StartFromActionsTab</c>), not through the API.</summary>
    public bool StartedFromActionsTab { get; init; }

    /// <summary>The deployment protection rule gating its Deploy job; null when none does.</summary>
    public ProtectionRuleSummary? ProtectionRule { get; init; }
}
