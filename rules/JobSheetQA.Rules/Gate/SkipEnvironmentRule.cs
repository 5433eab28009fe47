using JobSheetQA.Rules.Catalogue;
using JobSheetQA.Rules.Decisions;
using JobSheetQA.Rules.Facts;
using JobSheetQA.Rules.Policy;
using NRules.Fluent.Dsl;

namespace JobSheetQA.Rules.Gate;

/// <summary>
/// Runbook §2.4: a parity skip is an override for environments that allow it. A known, non-production environment
/// whose policy says <c>allow_parity_skip: false</c> refuses it before any acknowledgement is asked for.
/// Production is REQ-NO-PROD-SKIP's (non-waivable) job; an unknown environment is REQ-ENV's.
/// </summary>
[Name(Id), Description("Parity may be skipped only where the policy allows it")]
[Tag(RuleSets.Gate), RunbookSection("§2.4"), Outcomes(FindingOutcome.Deny)]
public sealed class SkipEnvironmentRule : Rule
{
    public const string Id = "REQ-SKIP-ENV";

    public override void Define()
    {
        PromotionPolicy policy = default!;
        PromotionRequest request = default!;

        When()
            .Match(() => policy)
            .Match(() => request,
                r => r.SkipParity,
                r => !r.IsProduction,
                r => policy.IsKnownEnvironment(r.Environment),
                r => !policy.AllowsParitySkip(r.Environment));

        Then()
            .Do(ctx => ctx.Insert(Refusal(request)));
    }

    private static Finding Refusal(PromotionRequest request) =>
        RuleFinding.Of<SkipEnvironmentRule>(
            FindingOutcome.Deny,
            $"Cannot skip parity for {request.Environment}: policy.yaml does not allow a parity skip there",
            ("target_environment", request.Environment),
            ("skip_parity", "true"),
            ("allow_parity_skip", "false"));
}
