namespace JobSheetQA.GitHubSandbox.Simulation;

/// <summary>When a job appears, waits, starts and completes, and how. Null times have not been decided yet.</summary>
internal sealed record JobPlan(
    int Index,
    string Name,
    long Id,
    DateTimeOffset QueuedAt,
    DateTimeOffset? WaitingFrom,
    DateTimeOffset? StartedAt,
    DateTimeOffset? CompletedAt,
    string? Conclusion,
    string? FailureMessage);
