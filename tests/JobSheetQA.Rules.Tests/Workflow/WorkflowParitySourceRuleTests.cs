using JobSheetQA.Rules.Decisions;
using JobSheetQA.Rules.Tests.Support;
using JobSheetQA.Rules.Workflow;

namespace JobSheetQA.Rules.Tests.Workflow;

public sealed class WorkflowParitySourceRuleTests
{
    [Fact]
    public void A_workflow_reading_the_parity_report_passes()
    {
        var decision = SharedEngine.Instance.Decide(TestFacts.Production());

        Assert.Equal(RuleVerdict.Pass, decision.VerdictOf(WorkflowParitySourceRule.Id));
    }

    [Fact]
    public void A_workflow_not_reading_the_parity_report_is_denied()
    {
        var decision = SharedEngine.Instance.Decide(TestFacts.Production().WithWorkflow(a => a with { ParityReportLines = [] }));

        Assert.Equal(Verdict.Deny, decision.Verdict);
        Assert.Contains("does not read parity/reports/latest.json", decision.Single(WorkflowParitySourceRule.Id).Message);
    }
}
