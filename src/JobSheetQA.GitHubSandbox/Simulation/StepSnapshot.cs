namespace JobSheetQA.GitHubSandbox.Simulation;

/// <summary>A job step as the jobs API shows it.</summary>
internal sealed record StepSnapshot(
    string Name,
    int Number,
    string Status,
    string? Conclusion,
    DateTimeOffset? StartedAt,
    DateTimeOffset? CompletedAt);
