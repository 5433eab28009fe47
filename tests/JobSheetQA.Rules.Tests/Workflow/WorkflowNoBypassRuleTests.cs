using JobSheetQA.Rules.Decisions;
using JobSheetQA.Rules.Tests.Support;
using JobSheetQA.Rules.Workflow;

namespace JobSheetQA.Rules.Tests.Workflow;

public sealed class WorkflowNoBypassRuleTests
{
    [Fact]
    public void A_workflow_without_bypass_passes()
    {
        var decision = SharedEngine.Instance.Decide(TestFacts.Production());

        Assert.Equal(RuleVerdict.Pass, decision.VerdictOf(WorkflowNoBypassRule.Id));
    }

    [Fact]
    public void A_bypass_is_denied_citing_its_lines()
    {
        var decision = SharedEngine.Instance.Decide(TestFacts.Production().WithWorkflow(a => a with { BypassLines = [88, 131] }));

        Assert.Equal(Verdict.Deny, decision.Verdict);
        var finding = decision.Single(WorkflowNoBypassRule.Id);
        Assert.Contains("\"|| true\" bypass on line(s) 88, 131", finding.Message);
        Assert.Equal("88, 131", finding.Fact("bypass_lines"));
    }
}
