using JobSheetQA.Rules.Catalogue;
using JobSheetQA.Rules.Decisions;
using JobSheetQA.Rules.Facts;
using JobSheetQA.Rules.Policy;
using NRules.Fluent.Dsl;

namespace JobSheetQA.Rules.Gate;

/// <summary>
/// Runbook §2.4 and §5.4: skipping parity where it is allowed needs exactly the acknowledgement phrase —
/// case-sensitive, no extra spaces or characters. No text yet: ask for it. Wrong text: refuse, as the workflow would.
/// Only where the environment is known and allows the skip: elsewhere the skip is refused outright
/// (REQ-NO-PROD-SKIP, REQ-SKIP-ENV, REQ-ENV), so asking for the phrase would suggest it could help.
/// </summary>
[Name(Id), Description("Skipping parity needs the exact acknowledgement phrase")]
[Tag(RuleSets.Gate), RunbookSection("§2.4, §5.4"), Outcomes(FindingOutcome.RequireAcknowledgement, FindingOutcome.Deny)]
public sealed class SkipAcknowledgementRule : Rule
{
    public const string Id = "REQ-SKIP-ACK";

    public override void Define()
    {
        PromotionPolicy policy = default!;
        PromotionRequest request = default!;

        When()
            .Match(() => policy)
            .Match(() => request,
                r => r.SkipParity,
                r => !r.IsProduction,
                r => policy.AllowsParitySkip(r.Environment),
                r => r.AcknowledgementText != policy.Acknowledgement.Phrase);

        Then()
            .Do(ctx => ctx.Insert(Objection(request, policy.Acknowledgement.Phrase)));
    }

    private static Finding Objection(PromotionRequest request, string phrase) =>
        request.AcknowledgementText is null
            ? RuleFinding.Of<SkipAcknowledgementRule>(
                FindingOutcome.RequireAcknowledgement,
                $"Skipping parity on {request.Environment} needs an acknowledgement: type exactly {phrase}",
                ("skip_parity", "true"),
                ("skip_parity_acknowledgement", "(none)"))
            : RuleFinding.Of<SkipAcknowledgementRule>(
                FindingOutcome.Deny,
                $"Missing skip acknowledgement: type exactly {phrase} (case-sensitive, no extra spaces or characters)",
                ("skip_parity", "true"),
                ("skip_parity_acknowledgement", $"\"{request.AcknowledgementText}\""));
}
