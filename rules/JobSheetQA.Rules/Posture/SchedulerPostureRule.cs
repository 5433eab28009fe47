using JobSheetQA.Rules.Catalogue;
using JobSheetQA.Rules.Decisions;
using NRules.Fluent.Dsl;

namespace JobSheetQA.Rules.Posture;

/// <summary>Runbook §4.1–4.2: "`ENABLE_SCHEDULER` is `false` or unset" in a read-only environment (Prevents automated jobs).</summary>
[Name(Id), Description("ENABLE_SCHEDULER must be false or unset where the posture is read-only")]
[Tag(RuleSets.Posture), RunbookSection("§4.1–4.2"), Outcomes(FindingOutcome.Deny, FindingOutcome.Warn)]
public sealed class SchedulerPostureRule : PostureFlagRule
{
    public const string Id = "POSTURE-SCHED";
    public const string Flag = "ENABLE_SCHEDULER";

    protected override string FlagName => Flag;
}
