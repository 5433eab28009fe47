using JobSheetQA.Rules.Catalogue;
using JobSheetQA.Rules.Decisions;
using NRules.Fluent.Dsl;

namespace JobSheetQA.Rules.Posture;

/// <summary>Runbook §4.1–4.2: "`ENABLE_PURGE_EXECUTION` is `false` or unset" in a read-only environment (Prevents data deletion).</summary>
[Name(Id), Description("ENABLE_PURGE_EXECUTION must be false or unset where the posture is read-only")]
[Tag(RuleSets.Posture), RunbookSection("§4.1–4.2"), Outcomes(FindingOutcome.Deny, FindingOutcome.Warn)]
public sealed class PurgeExecutionPostureRule : PostureFlagRule
{
    public const string Id = "POSTURE-PURGE";
    public const string Flag = "ENABLE_PURGE_EXECUTION";

    protected override string FlagName => Flag;
}
