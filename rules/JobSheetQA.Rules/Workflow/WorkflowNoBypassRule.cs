using JobSheetQA.Rules.Catalogue;
using JobSheetQA.Rules.Decisions;
using JobSheetQA.Rules.Facts;
using NRules.Fluent.Dsl;

namespace JobSheetQA.Rules.Workflow;

/// <summary>Runbook §5.1: <c>grep -n "|| true" promotion.yml</c> — "Expected: NO OUTPUT". A bypass would let a failed gate pass.</summary>
[Name(Id), Description("promotion.yml has no \"|| true\" bypass")]
[Tag(RuleSets.Workflow), RunbookSection("§5.1"), Outcomes(FindingOutcome.Deny)]
public sealed class WorkflowNoBypassRule : Rule
{
    public const string Id = "WORKFLOW-NO-BYPASS";

    public override void Define()
    {
        WorkflowFile workflow = default!;

        When()
            .Match(() => workflow, w => w.Found && w.Analysis!.BypassLines.Count > 0);

        Then()
            .Do(ctx => ctx.Insert(Refusal(workflow)));
    }

    private static Finding Refusal(WorkflowFile workflow)
    {
        var lines = RuleText.Lines(workflow.Analysis!.BypassLines);
        return RuleFinding.Of<WorkflowNoBypassRule>(
            FindingOutcome.Deny,
            $"{workflow.Path} on {workflow.Ref} has a \"|| true\" bypass on line(s) {lines}; a failing gate step would pass",
            ("workflow", workflow.Path),
            ("ref", workflow.Ref),
            ("bypass_lines", lines));
    }
}
