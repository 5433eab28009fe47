namespace JobSheetQA.Rules.Facts;

/// <summary>
/// The requester's answers to runbook §4.2 items 3–5 before a production deployment ("Before production deployment,
/// verify"); items 1–2, the two flags, are read from GitHub and judged by POSTURE-PURGE and POSTURE-SCHED.
/// </summary>
/// <param name="PromotionId">The promotion the answers were given for; they count for it alone.</param>
/// <param name="DatabaseReadOnly">"Database connection is read-only (if applicable)".</param>
/// <param name="NoDestructiveOperationsScheduled">"No destructive operations are scheduled".</param>
/// <param name="MonitoringAlertsConfigured">"Monitoring alerts are configured".</param>
/// <param name="AnsweredBy">Who answered, as shown.</param>
public sealed record PostureChecklistAnswer(
    string PromotionId,
    bool DatabaseReadOnly,
    bool NoDestructiveOperationsScheduled,
    bool MonitoringAlertsConfigured,
    string AnsweredBy)
{
    /// <summary>The items answered "no", in the runbook's words.</summary>
    public IReadOnlyList<string> Unconfirmed =>
    [
        .. DatabaseReadOnly ? [] : new[] { "database connection is read-only" },
        .. NoDestructiveOperationsScheduled ? [] : new[] { "no destructive operations are scheduled" },
        .. MonitoringAlertsConfigured ? [] : new[] { "monitoring alerts are configured" },
    ];
}
