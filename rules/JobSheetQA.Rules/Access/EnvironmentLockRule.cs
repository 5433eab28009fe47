using JobSheetQA.Rules.Catalogue;
using JobSheetQA.Rules.Decisions;
using JobSheetQA.Rules.Facts;
using NRules.Fluent.Dsl;

namespace JobSheetQA.Rules.Access;

/// <summary>The bot's own rule: one promotion in flight per environment, so two runs never race to deploy.</summary>
[Name(Id), Description("One promotion in flight per environment")]
[Tag(RuleSets.Access), RunbookSection("—"), Outcomes(FindingOutcome.Deny)]
public sealed class EnvironmentLockRule : Rule
{
    public const string Id = "LOCK";

    public override void Define()
    {
        PromotionRequest request = default!;
        PromotionInFlight holder = default!;

        When()
            .Match(() => request)
            .Match(() => holder,
                p => p.Environment == request.Environment,
                p => p.PromotionId != request.RequestId);

        Then()
            .Do(ctx => ctx.Insert(Refusal(holder)));
    }

    private static Finding Refusal(PromotionInFlight holder) =>
        RuleFinding.Of<EnvironmentLockRule>(
            FindingOutcome.Deny,
            $"{holder.Environment} is locked by {holder.RequestedBy} since {RuleText.Utc(holder.Since)} (promotion {holder.PromotionId}); one promotion per environment at a time",
            ("environment", holder.Environment),
            ("held_by", holder.RequestedBy),
            ("since", RuleText.Utc(holder.Since)),
            ("promotion", holder.PromotionId));
}
