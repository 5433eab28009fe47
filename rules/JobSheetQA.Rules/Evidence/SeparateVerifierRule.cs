using JobSheetQA.Rules.Catalogue;
using JobSheetQA.Rules.Decisions;
using JobSheetQA.Rules.Facts;
using JobSheetQA.Rules.Policy;
using NRules.Fluent.Dsl;

namespace JobSheetQA.Rules.Evidence;

/// <summary>
/// The bot's own rule, a second pair of eyes: with separation of duties on (policy.yaml
/// <c>authorization.separation_of_duties</c>, on by default outside Development), a commit is promoted past an
/// environment only when that environment's verification of it was recorded by someone other than the person promoting
/// it now. A verification recorded before the bot kept the verifier's id does not count (unknown is not "someone else").
/// With no complete verification at all, STAGE-FIRST refuses and this rule says nothing more.
/// </summary>
[Name(Id), Description("The verification a promotion relies on was recorded by someone other than its requester")]
[Tag(RuleSets.Evidence), RunbookSection("—"), Outcomes(FindingOutcome.Deny)]
public sealed class SeparateVerifierRule : Rule
{
    public const string Id = "SEPARATE-VERIFIER";

    public override void Define()
    {
        PromotionPolicy policy = default!;
        DecisionContext context = default!;
        PromotionRequest request = default!;
        IEnumerable<StagingVerification> verifications = default!;

        When()
            .Match(() => policy)
            .Match(() => context, c => policy.SeparatesDuties(c.IsDevelopment))
            .Match(() => request, r => policy.PredecessorOf(r.Environment) != null)
            .Query(() => verifications, q => q
                .Match<StagingVerification>(
                    v => v.Environment == policy.PredecessorOf(request.Environment),
                    v => string.Equals(v.CommitSha, request.CommitSha, StringComparison.OrdinalIgnoreCase),
                    v => v.IsComplete)
                .Collect()
                .Where(c => c.Any()))
            .Having(() => !verifications.Any(v => v.VerifiedById != null
                && !string.Equals(v.VerifiedById, request.Requester.QualifiedId, StringComparison.OrdinalIgnoreCase)));

        Then()
            .Do(ctx => ctx.Insert(Objection(request, policy.PredecessorOf(request.Environment)!, verifications)));
    }

    private static Finding Objection(PromotionRequest request, string predecessor, IEnumerable<StagingVerification> verifications)
    {
        var by = verifications.OrderByDescending(v => v.VerifiedAt).ToList();
        var names = RuleText.OrList(by.Select(v => v.VerifiedById is null ? $"{v.VerifiedBy} (recorded before verifier ids were kept)" : v.VerifiedBy).Distinct().ToList());
        return RuleFinding.Of<SeparateVerifierRule>(
            FindingOutcome.Deny,
            $"Someone other than {request.Requester.DisplayName} must verify {predecessor}: the {predecessor} verification of "
            + $"{RuleText.ShortSha(request.CommitSha)} was recorded by {names}, and separation of duties is on "
            + "(policy.yaml authorization.separation_of_duties)",
            ("commit", request.CommitSha),
            ("requester", request.Requester.QualifiedId),
            ("verified_by", string.Join(", ", by.Select(v => v.VerifiedById ?? "(unknown)").Distinct())));
    }
}
