namespace JobSheetQA.GitHubSandbox.Simulation;

/// <summary>A job at one moment.</summary>
internal sealed record JobSnapshot(
    long Id,
    string Name,
    string Status,
    string? Conclusion,
    DateTimeOffset StartedAt,
    DateTimeOffset? CompletedAt,
    IReadOnlyList<StepSnapshot> Steps,
    string? FailureMessage);
