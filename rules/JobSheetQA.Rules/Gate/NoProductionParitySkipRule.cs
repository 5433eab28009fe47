using JobSheetQA.Rules.Catalogue;
using JobSheetQA.Rules.Decisions;
using JobSheetQA.Rules.Facts;
using NRules.Fluent.Dsl;

namespace JobSheetQA.Rules.Gate;

/// <summary>Runbook §2.4 and §5.5: "Production: parity skip is impossible." Nothing waives it.</summary>
[Name(Id), Description("Production promotions cannot skip the Parity Gate")]
[Tag(RuleSets.Gate), RunbookSection("§2.4, §5.5"), Outcomes(FindingOutcome.Deny), NonWaivable]
public sealed class NoProductionParitySkipRule : Rule
{
    public const string Id = "REQ-NO-PROD-SKIP";

    public override void Define()
    {
        PromotionRequest request = default!;

        When()
            .Match(() => request, r => r.IsProduction && r.SkipParity);

        Then()
            .Do(ctx => ctx.Insert(Refusal(request)));
    }

    private static Finding Refusal(PromotionRequest request) =>
        RuleFinding.Of<NoProductionParitySkipRule>(
            FindingOutcome.Deny,
            "Cannot skip parity for production",
            ("target_environment", request.Environment),
            ("skip_parity", "true"));
}
