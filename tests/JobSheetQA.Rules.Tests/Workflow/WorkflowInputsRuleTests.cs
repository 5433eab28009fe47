using JobSheetQA.Rules.Decisions;
using JobSheetQA.Rules.Tests.Support;
using JobSheetQA.Rules.Workflow;

namespace JobSheetQA.Rules.Tests.Workflow;

public sealed class WorkflowInputsRuleTests
{
    [Fact]
    public void A_dispatchable_workflow_with_the_runbook_inputs_passes()
    {
        var decision = SharedEngine.Instance.Decide(TestFacts.Staging());

        Assert.Equal(RuleVerdict.Pass, decision.VerdictOf(WorkflowInputsRule.Id));
    }

    [Fact]
    public void A_missing_workflow_file_is_denied_naming_path_and_ref()
    {
        var decision = SharedEngine.Instance.Decide(TestFacts.Production().WithoutWorkflowFile());

        Assert.Equal(Verdict.Deny, decision.Verdict);
        Assert.Equal(".github/workflows/promotion.yml not found on main", decision.Single(WorkflowInputsRule.Id).Message);
    }

    [Fact]
    public void A_missing_workflow_file_raises_no_content_findings()
    {
        var decision = SharedEngine.Instance.Decide(TestFacts.Staging().WithoutWorkflowFile());

        Assert.Equal([WorkflowInputsRule.Id], decision.RuleIds());
    }

    [Fact]
    public void A_workflow_without_workflow_dispatch_is_denied()
    {
        var decision = SharedEngine.Instance.Decide(TestFacts.Staging().WithWorkflow(a => a with { HasWorkflowDispatch = false }));

        Assert.Contains("it has no workflow_dispatch trigger", decision.Single(WorkflowInputsRule.Id).Message);
    }

    [Fact]
    public void Input_problems_are_denied_and_listed()
    {
        var decision = SharedEngine.Instance.Decide(TestFacts.Staging().WithWorkflow(a => a with
        {
            InputProblems = ["skip_parity_acknowledgement is missing", "target_environment offers qa"],
        }));

        var finding = decision.Single(WorkflowInputsRule.Id);
        Assert.Equal(FindingOutcome.Deny, finding.Outcome);
        Assert.EndsWith("skip_parity_acknowledgement is missing; target_environment offers qa", finding.Message);
    }
}
