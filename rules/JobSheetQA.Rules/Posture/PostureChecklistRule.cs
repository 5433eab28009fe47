using JobSheetQA.Rules.Catalogue;
using JobSheetQA.Rules.Decisions;
using JobSheetQA.Rules.Facts;
using JobSheetQA.Rules.Policy;
using NRules.Fluent.Dsl;

namespace JobSheetQA.Rules.Posture;

/// <summary>
/// Runbook §4.2: "Before production deployment, verify" the read-only posture checklist. Items 1–2 (the flags) are read
/// from GitHub (POSTURE-PURGE, POSTURE-SCHED); items 3–5 only the requester can confirm. No answers yet: ask for them.
/// An item answered "no": refuse. A run started outside chat (the Actions tab) cannot be asked, so it is refused.
/// </summary>
[Name(Id), Description("A read-only environment needs the requester's posture checklist before dispatch")]
[Tag(RuleSets.Posture), RunbookSection("§4.2"), Outcomes(FindingOutcome.RequireAcknowledgement, FindingOutcome.Deny)]
public sealed class PostureChecklistRule : Rule
{
    public const string Id = "POSTURE-CHECKLIST";

    public override void Define()
    {
        PromotionPolicy policy = default!;
        PromotionRequest request = default!;
        IEnumerable<PostureChecklistAnswer> answers = default!;

        When()
            .Match(() => policy)
            .Match(() => request, r => policy.HasReadOnlyPosture(r.Environment))
            .Query(() => answers, q => q
                .Match<PostureChecklistAnswer>(a => a.PromotionId == request.RequestId)
                .Collect());

        Then()
            .Do(ctx => ctx.InsertAll(Judge(request, answers.LastOrDefault())));
    }

    private static IEnumerable<Finding> Judge(PromotionRequest request, PostureChecklistAnswer? answer)
    {
        if (answer is null)
        {
            yield return RuleFinding.Of<PostureChecklistRule>(
                FindingOutcome.RequireAcknowledgement,
                $"Before deploying to {request.Environment}, confirm the read-only posture checklist: database connection read-only, "
                + "no destructive operations scheduled, monitoring alerts configured",
                ("environment", request.Environment),
                ("posture_checklist", "(none)"));
        }
        else if (answer.Unconfirmed is { Count: > 0 } unconfirmed)
        {
            yield return RuleFinding.Of<PostureChecklistRule>(
                FindingOutcome.Deny,
                $"The read-only posture checklist is not confirmed for {request.Environment}: not confirmed that {RuleText.AndList(unconfirmed)}",
                ("environment", request.Environment),
                ("answered_by", answer.AnsweredBy),
                ("not_confirmed", string.Join("; ", unconfirmed)));
        }
    }
}
