namespace JobSheetQA.Bot.Storage.Entities;

/// <summary>
/// The read-only posture checklist (runbook §4.2) of a promotion: answered by its requester before dispatch
/// (<see cref="PostureChecklistStage.BeforeDispatch"/>, items 1–2 read from GitHub) and after a production success (§3.2
/// step 4 "Verify read-only posture"). One per promotion and stage: the answers are evidence, so a second submission
/// does not overwrite them.
/// </summary>
public sealed class PostureChecklistEntity
{
    public long Id { get; set; }

    /// <summary>The promotion the checklist was asked for; unique with <see cref="Stage"/>.</summary>
    public required string PromotionId { get; set; }

    /// <summary>Before dispatch or after the deployment.</summary>
    public PostureChecklistStage Stage { get; set; } = PostureChecklistStage.AfterDeploy;

    public required string Environment { get; set; }

    public required string CommitSha { get; set; }

    /// <summary>Who answered, as shown in chat.</summary>
    public required string RecordedBy { get; set; }

    /// <summary>Who answered, as <c>channel:userId</c> (stable across display-name changes).</summary>
    public required string RecordedById { get; set; }

    public DateTimeOffset RecordedAt { get; set; }

    /// <summary><c>ENABLE_PURGE_EXECUTION</c> is <c>false</c> or unset.</summary>
    public bool PurgeExecutionDisabled { get; set; }

    /// <summary><c>ENABLE_SCHEDULER</c> is <c>false</c> or unset.</summary>
    public bool SchedulerDisabled { get; set; }

    /// <summary>Database connection is read-only (if applicable).</summary>
    public bool DatabaseReadOnly { get; set; }

    /// <summary>No destructive operations are scheduled.</summary>
    public bool NoDestructiveOperationsScheduled { get; set; }

    /// <summary>Monitoring alerts are configured.</summary>
    public bool MonitoringAlertsConfigured { get; set; }

    public string? Note { get; set; }
}
