using JobSheetQA.Rules.Catalogue;
using JobSheetQA.Rules.Decisions;
using JobSheetQA.Rules.Facts;
using JobSheetQA.Rules.Policy;
using NRules.Fluent.Dsl;

namespace JobSheetQA.Rules.Workflow;

/// <summary>Runbook §5.1: <c>grep -n "I_ACCEPT_PARITY_SKIP" promotion.yml</c> — "Expected: Lines with acknowledgement check".
/// Without it the workflow would honour a skip the bot refused.</summary>
[Name(Id), Description("promotion.yml checks the skip acknowledgement phrase")]
[Tag(RuleSets.Workflow), RunbookSection("§5.1"), Outcomes(FindingOutcome.Deny)]
public sealed class WorkflowAcknowledgementCheckRule : Rule
{
    public const string Id = "WORKFLOW-ACK-CHECK";

    public override void Define()
    {
        PromotionPolicy policy = default!;
        WorkflowFile workflow = default!;

        When()
            .Match(() => policy)
            .Match(() => workflow, w => w.Found && w.Analysis!.AcknowledgementCheckLines.Count == 0);

        Then()
            .Do(ctx => ctx.Insert(Refusal(workflow, policy.Acknowledgement.Phrase)));
    }

    private static Finding Refusal(WorkflowFile workflow, string phrase) =>
        RuleFinding.Of<WorkflowAcknowledgementCheckRule>(
            FindingOutcome.Deny,
            $"{workflow.Path} on {workflow.Ref} has no acknowledgement check: no step compares skip_parity_acknowledgement with {phrase}",
            ("workflow", workflow.Path),
            ("ref", workflow.Ref),
            ("phrase", phrase));
}
