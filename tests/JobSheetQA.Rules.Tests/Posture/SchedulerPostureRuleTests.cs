using JobSheetQA.Rules.Posture;

namespace JobSheetQA.Rules.Tests.Posture;

public sealed class SchedulerPostureRuleTests : PostureFlagRuleTests
{
    protected override string RuleId => SchedulerPostureRule.Id;

    protected override string OtherRuleId => PurgeExecutionPostureRule.Id;

    protected override string Flag => SchedulerPostureRule.Flag;

    protected override string Purpose => "prevents automated jobs";
}
