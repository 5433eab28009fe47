using JobSheetQA.Rules.Catalogue;
using JobSheetQA.Rules.Decisions;
using JobSheetQA.Rules.Facts;
using JobSheetQA.Rules.Policy;
using NRules.Fluent.Dsl;

namespace JobSheetQA.Rules.Gate;

/// <summary>Runbook §2.1: <c>target_environment</c> is a choice of <c>staging</c> or <c>production</c> (the policy's environments).</summary>
[Name(Id), Description("The target environment must be one the policy defines")]
[Tag(RuleSets.Gate), RunbookSection("§2.1"), Outcomes(FindingOutcome.Deny)]
public sealed class EnvironmentRule : Rule
{
    public const string Id = "REQ-ENV";

    public override void Define()
    {
        PromotionPolicy policy = default!;
        PromotionRequest request = default!;

        When()
            .Match(() => policy)
            .Match(() => request, r => !policy.IsKnownEnvironment(r.Environment));

        Then()
            .Do(ctx => ctx.Insert(Refusal(request, policy)));
    }

    private static Finding Refusal(PromotionRequest request, PromotionPolicy policy)
    {
        var names = policy.Environments.Select(e => e.Name).ToList();
        return RuleFinding.Of<EnvironmentRule>(
            FindingOutcome.Deny,
            $"target_environment must be {RuleText.OrList(names)}: \"{request.Environment}\" is not one",
            ("target_environment", request.Environment),
            ("environments", string.Join(", ", names)));
    }
}
