using JobSheetQA.Rules.Catalogue;
using JobSheetQA.Rules.Decisions;
using JobSheetQA.Rules.Facts;
using NRules.Fluent.Dsl;

namespace JobSheetQA.Rules.Workflow;

/// <summary>Runbook §5.1: <c>grep -n "parity/reports/latest.json" promotion.yml</c> — "Expected: Lines reading from latest.json".
/// A Parity Gate that reads no real report proves nothing.</summary>
[Name(Id), Description("promotion.yml reads the real parity report (parity/reports/latest.json)")]
[Tag(RuleSets.Workflow), RunbookSection("§5.1"), Outcomes(FindingOutcome.Deny)]
public sealed class WorkflowParitySourceRule : Rule
{
    public const string Id = "WORKFLOW-PARITY-SOURCE";
    public const string ReportPath = "parity/reports/latest.json";

    public override void Define()
    {
        WorkflowFile workflow = default!;

        When()
            .Match(() => workflow, w => w.Found && w.Analysis!.ParityReportLines.Count == 0);

        Then()
            .Do(ctx => ctx.Insert(Refusal(workflow)));
    }

    private static Finding Refusal(WorkflowFile workflow) =>
        RuleFinding.Of<WorkflowParitySourceRule>(
            FindingOutcome.Deny,
            $"{workflow.Path} on {workflow.Ref} does not read {ReportPath}: the Parity Gate has no real report source",
            ("workflow", workflow.Path),
            ("ref", workflow.Ref));
}
