using JobSheetQA.Rules.Catalogue;
using JobSheetQA.Rules.Decisions;
using JobSheetQA.Rules.Facts;
using JobSheetQA.Rules.Policy;
using NRules.Fluent.Dsl;

namespace JobSheetQA.Rules.Gate;

/// <summary>Runbook §2.3 Validate Request: "Ensures promotion is from <c>main</c> branch".</summary>
[Name(Id), Description("Promotions run only from the policy's branch (main)")]
[Tag(RuleSets.Gate), RunbookSection("§2.3"), Outcomes(FindingOutcome.Deny)]
public sealed class BranchRule : Rule
{
    public const string Id = "REQ-BRANCH";

    public override void Define()
    {
        PromotionPolicy policy = default!;
        PromotionRequest request = default!;

        When()
            .Match(() => policy)
            .Match(() => request, r => r.Branch != policy.AllowedBranch);

        Then()
            .Do(ctx => ctx.Insert(Refusal(request, policy)));
    }

    private static Finding Refusal(PromotionRequest request, PromotionPolicy policy) =>
        RuleFinding.Of<BranchRule>(
            FindingOutcome.Deny,
            $"Promotion only from {policy.AllowedBranch}: {request.Branch} was requested",
            ("branch", request.Branch),
            ("allowed_branch", policy.AllowedBranch));
}
