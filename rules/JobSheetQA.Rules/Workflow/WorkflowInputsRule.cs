using JobSheetQA.Rules.Catalogue;
using JobSheetQA.Rules.Decisions;
using JobSheetQA.Rules.Facts;
using NRules.Fluent.Dsl;

namespace JobSheetQA.Rules.Workflow;

/// <summary>
/// Runbook §2.1: the workflow must exist on the promoted ref, be dispatchable and take exactly the runbook's inputs,
/// or the bot would dispatch something the runbook does not describe.
/// </summary>
[Name(Id), Description("promotion.yml exists on the ref and has the runbook's workflow_dispatch inputs")]
[Tag(RuleSets.Workflow), RunbookSection("§2.1"), Outcomes(FindingOutcome.Deny)]
public sealed class WorkflowInputsRule : Rule
{
    public const string Id = "WORKFLOW-INPUTS";

    public override void Define()
    {
        WorkflowFile workflow = default!;

        When()
            .Match(() => workflow,
                w => !w.Found || !w.Analysis!.HasWorkflowDispatch || w.Analysis.InputProblems.Count > 0);

        Then()
            .Do(ctx => ctx.Insert(Refusal(workflow)));
    }

    private static Finding Refusal(WorkflowFile workflow)
    {
        if (workflow.Analysis is not { } analysis)
        {
            return RuleFinding.Of<WorkflowInputsRule>(
                FindingOutcome.Deny,
                $"{workflow.Path} not found on {workflow.Ref}",
                ("workflow", workflow.Path),
                ("ref", workflow.Ref));
        }

        var problems = new List<string>();
        if (!analysis.HasWorkflowDispatch)
            problems.Add("it has no workflow_dispatch trigger");
        problems.AddRange(analysis.InputProblems);

        return RuleFinding.Of<WorkflowInputsRule>(
            FindingOutcome.Deny,
            $"{workflow.Path} on {workflow.Ref} does not match the runbook's inputs: {string.Join("; ", problems)}",
            ("workflow", workflow.Path),
            ("ref", workflow.Ref),
            ("problems", string.Join("; ", problems)));
    }
}
