using JobSheetQA.Rules.Posture;

namespace JobSheetQA.Rules.Tests.Posture;

public sealed class PurgeExecutionPostureRuleTests : PostureFlagRuleTests
{
    protected override string RuleId => PurgeExecutionPostureRule.Id;

    protected override string OtherRuleId => SchedulerPostureRule.Id;

    protected override string Flag => PurgeExecutionPostureRule.Flag;

    protected override string Purpose => "prevents data deletion";
}
