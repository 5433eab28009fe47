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

    /// <summary>Who started it and how: <c>workflow_dispatch</c> through the API, or the Actions tab's Run workflow button.</summary>
    public bool StartedFromActionsTab { get; init; }

    /// <summary>Non-null when a deployment protection rule gates the Deploy job: no answer within this long fails the run.</summary>
    public TimeSpan? ProtectionRuleTimeout { get; init; }

    /// <summary>The deployment the Deploy job waits with (a re-run would get a new one).</summary>
    public long DeploymentId { get; init; }

    /// <summary>The protection rule's answer: who answered (<c>approved</c>/<c>rejected</c>) and the comment GitHub shows.</summary>
    public string? ReviewComment { get; set; }

    /// <summary>How many decisive reviews were sent for the protection rule (GitHub takes the first).</summary>
    public int ProtectionRuleReviews { get; set; }

    /// <summary>When the sandbox delivered the <c>deployment_protection_rule</c> webhook; null until then.</summary>
    public DateTimeOffset? ProtectionRuleNotifiedAt { get; set; }
}
