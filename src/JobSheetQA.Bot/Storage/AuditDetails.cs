using System.Text.Json;
using JobSheetQA.Rules.Decisions;

namespace JobSheetQA.Bot.Storage;

/// <summary>The audit log's record of a decision: the same structured findings a refusal cites in chat (anchors §5 item 1).</summary>
public static class AuditDetails
{
    public static string ForDecision(Decision decision) => JsonSerializer.Serialize(
        new
        {
            verdict = decision.Verdict,
            findings = decision.Findings.Select(f => new
            {
                ruleId = f.RuleId,
                outcome = f.Outcome,
                runbookSection = f.RunbookSection,
                message = f.Message,
                facts = f.Facts.ToDictionary(fact => fact.Key, fact => fact.Value),
            }),
            evaluated = decision.Evaluated.Select(rule => rule.Id),
        },
        DecisionSummary.Json);

    /// <summary>A refusal for rule LOCK (another promotion holds the environment), in the shape of a decision.</summary>
    public static string ForLockRefusal(EnvironmentLock holder) => JsonSerializer.Serialize(new
    {
        verdict = "Deny",
        findings = new[] { new { ruleId = "LOCK", heldBy = holder.HeldBy, since = holder.Since, promotion = holder.PromotionId } },
    });

    /// <summary>The five items of a posture checklist (runbook §4.2) as its audit lines record them.</summary>
    public static Dictionary<string, bool> ChecklistItems(Entities.PostureChecklistEntity checklist) => new()
    {
        ["purge"] = checklist.PurgeExecutionDisabled,
        ["scheduler"] = checklist.SchedulerDisabled,
        ["database"] = checklist.DatabaseReadOnly,
        ["destructive"] = checklist.NoDestructiveOperationsScheduled,
        ["monitoring"] = checklist.MonitoringAlertsConfigured,
    };
}
