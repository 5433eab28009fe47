using JobSheetQA.Rules.Decisions;
using JobSheetQA.Rules.Tests.Support;
using JobSheetQA.Rules.Workflow;

namespace JobSheetQA.Rules.Tests.Workflow;

public sealed class WorkflowAcknowledgementCheckRuleTests
{
    [Fact]
    public void A_workflow_with_the_acknowledgement_check_passes()
    {
        var decision = SharedEngine.Instance.Decide(TestFacts.Staging());

        Assert.Equal(RuleVerdict.Pass, decision.VerdictOf(WorkflowAcknowledgementCheckRule.Id));
    }

    [Theory]
    [InlineData("staging")]
    [InlineData("production")]
    public void A_workflow_without_the_acknowledgement_check_is_denied(string environment)
    {
        var decision = SharedEngine.Instance.Decide(TestFacts.For(environment).WithWorkflow(a => a with { AcknowledgementCheckLines = [] }));

        Assert.Equal(Verdict.Deny, decision.Verdict);
        var finding = decision.Single(WorkflowAcknowledgementCheckRule.Id);
        Assert.Contains("has no acknowledgement check", finding.Message);
        Assert.Contains("I_ACCEPT_PARITY_SKIP", finding.Message);
    }
}
