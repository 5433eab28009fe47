using JobSheetQA.Rules.Decisions;
using JobSheetQA.Rules.Policy;
using JobSheetQA.Rules.Tests.Support;
using JobSheetQA.Rules.Workflow;

namespace JobSheetQA.Rules.Tests.Decisions;

/// <summary>The shipped policy.yaml and reference promotion.yml, read by the real loader and analyser, judged by the real rules.</summary>
public sealed class ShippedFilesDecisionTests
{
    private static readonly PromotionPolicy ShippedPolicy = PolicyLoader.LoadFile(RepositoryFiles.PathOf("rules/policy.yaml"));
    private static readonly string ReferenceWorkflow = RepositoryFiles.Read("docs/reference/promotion.yml");

    private static PromotionFacts StagingWith(string workflowText)
    {
        var policy = ShippedPolicy with
        {
            Environments = ShippedPolicy.Environments.Select(e => e with { Requesters = [TestFacts.Requester.QualifiedId] }).ToList(),
        };
        var analysis = WorkflowAnalyzer.Analyze(workflowText, policy.Acknowledgement.Phrase);
        var facts = TestFacts.Staging();
        return facts with { Policy = policy, Workflow = facts.Workflow with { Analysis = analysis } };
    }

    [Fact]
    public void Reference_workflow_under_shipped_policy_is_allowed()
    {
        var decision = SharedEngine.Instance.Decide(StagingWith(ReferenceWorkflow));

        Assert.Equal(Verdict.Allow, decision.Verdict);
        Assert.Empty(decision.Findings);
    }

    [Fact]
    public void Reference_workflow_with_a_bypass_added_is_denied_by_WORKFLOW_NO_BYPASS()
    {
        var bypassed = ReferenceWorkflow.Replace("npm run lint", "npm run lint || true", StringComparison.Ordinal);
        Assert.NotEqual(ReferenceWorkflow, bypassed);

        var decision = SharedEngine.Instance.Decide(StagingWith(bypassed));

        Assert.Equal(Verdict.Deny, decision.Verdict);
        Assert.Equal(["WORKFLOW-NO-BYPASS"], decision.Findings.Select(f => f.RuleId));
    }

    [Fact]
    public void Reference_workflow_without_the_acknowledgement_check_is_denied_by_WORKFLOW_ACK_CHECK()
    {
        var unchecked_ = ReferenceWorkflow.Replace("I_ACCEPT_PARITY_SKIP", "ANY_TEXT", StringComparison.Ordinal);

        var decision = SharedEngine.Instance.Decide(StagingWith(unchecked_));

        Assert.Contains("WORKFLOW-ACK-CHECK", decision.Findings.Select(f => f.RuleId));
    }

    [Fact]
    public void Reference_workflow_with_a_staging_production_choice_changed_is_denied_by_WORKFLOW_INPUTS()
    {
        var wrongOptions = ReferenceWorkflow.Replace("- production", "- prod", StringComparison.Ordinal);
        Assert.NotEqual(ReferenceWorkflow, wrongOptions);

        var decision = SharedEngine.Instance.Decide(StagingWith(wrongOptions));

        Assert.Contains("WORKFLOW-INPUTS", decision.Findings.Select(f => f.RuleId));
    }

    [Fact]
    public void Reference_workflow_with_the_Parity_Gate_job_renamed_is_denied_by_WORKFLOW_GATES()
    {
        var renamed = ReferenceWorkflow.Replace("name: Parity Gate", "name: Parity Check", StringComparison.Ordinal);
        Assert.NotEqual(ReferenceWorkflow, renamed);
        var line = ReferenceWorkflow.ReplaceLineEndings("\n").Split('\n').ToList().FindIndex(l => l.Trim() == "parity:") + 1;

        var decision = SharedEngine.Instance.Decide(StagingWith(renamed));

        Assert.Equal(["WORKFLOW-GATES"], decision.Findings.Select(f => f.RuleId));
        var message = decision.Findings.Single().Message;
        Assert.Contains("defines no job named \"Parity Gate\" (gates.parity_gate)", message, StringComparison.Ordinal);
        Assert.Contains($"Parity Check (line {line})", message, StringComparison.Ordinal);
    }
}
