namespace JobSheetQA.GitHubSandbox.Simulation;

/// <summary>A run at one moment: what every GET shows.</summary>
internal sealed record RunSnapshot(
    SimulatedRun Run,
    string Status,
    string? Conclusion,
    DateTimeOffset RunStartedAt,
    DateTimeOffset UpdatedAt,
    IReadOnlyList<JobSnapshot> Jobs,
    DateTimeOffset? ArtifactCreatedAt,
    bool WaitingForReview);
