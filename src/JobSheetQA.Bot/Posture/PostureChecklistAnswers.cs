namespace JobSheetQA.Bot.Posture;

/// <summary>The five items of the read-only posture checklist (runbook §4.2) as answered, and an optional note.</summary>
public sealed record PostureChecklistAnswers(
    bool PurgeExecutionDisabled,
    bool SchedulerDisabled,
    bool DatabaseReadOnly,
    bool NoDestructiveOperationsScheduled,
    bool MonitoringAlertsConfigured,
    string? Note)
{
    /// <summary>A note longer than this is refused (the checklist is evidence, not a log).</summary>
    public const int MaxNoteLength = 1000;

    /// <summary>The posture flags items 1 and 2 stand for, which GitHub can confirm or contradict.</summary>
    public const string PurgeExecutionFlag = "ENABLE_PURGE_EXECUTION";

    public const string SchedulerFlag = "ENABLE_SCHEDULER";
}
