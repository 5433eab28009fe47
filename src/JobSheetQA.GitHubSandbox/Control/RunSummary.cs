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
    long? ArtifactId);
