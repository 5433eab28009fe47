namespace JobSheetQA.GitHubSandbox.Simulation;

/// <summary>
/// A dispatched run: what was asked for, plus the few things that happen to it later (cancel, review, expiry).
/// Its state at any moment is computed by <see cref="RunTimeline"/>. Mutated only under the sandbox state lock.
/// </summary>
internal sealed class SimulatedRun
{
    public required long Id { get; init; }
    public required int RunNumber { get; init; }
    public required long WorkflowId { get; init; }
    public required string WorkflowFile { get; init; }
    public required string WorkflowName { get; init; }
    public required string DisplayTitle { get; init; }
    public required string HeadBranch { get; init; }
    public required string HeadSha { get; init; }
    public required string Actor { get; init; }
    public required IReadOnlyDictionary<string, string> Inputs { get; init; }
    public required Scenario Scenario { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
    public required IReadOnlyList<long> JobIds { get; init; }
    public required long ArtifactId { get; init; }

    /// <summary>Why Validate Request fails, or null.</summary>
    public string? ValidationFailure { get; init; }

    public bool ParitySkipped { get; init; }

    public string TargetEnvironment => Inputs.TryGetValue("target_environment", out var env) ? env : "";

    public DateTimeOffset? CancelledAt { get; set; }

    public DateTimeOffset? ReviewedAt { get; set; }

    public bool ReviewApproved { get; set; }

    public DateTimeOffset? ArtifactExpiredAt { get; set; }
}
