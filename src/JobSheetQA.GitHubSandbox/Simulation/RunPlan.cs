namespace JobSheetQA.GitHubSandbox.Simulation;

/// <summary>The whole course of a run as far as it is decided.</summary>
internal sealed record RunPlan(
    DateTimeOffset? StartedAt,
    DateTimeOffset? CompletedAt,
    string? Conclusion,
    IReadOnlyList<JobPlan> Jobs,
    DateTimeOffset? ArtifactAt);
