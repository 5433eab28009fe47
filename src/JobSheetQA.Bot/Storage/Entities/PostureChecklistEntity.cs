namespace JobSheetQA.Bot.Storage.Entities;

/// <summary>
/// The read-only posture checklist (runbook §4.2) answered after a production promotion succeeded (§3.2 step 4
/// "Verify read-only posture"). One per promotion: the answers are evidence, so a second submission does not overwrite them.
/// </summary>
public sealed class PostureChecklistEntity
{
    public long Id { get; set; }

    /// <summary>The successful promotion the checklist was asked for; unique.</summary>
    public required string PromotionId { get; set; }

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
