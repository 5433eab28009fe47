using JobSheetQA.Rules.Catalogue;
using JobSheetQA.Rules.Decisions;
using JobSheetQA.Rules.Facts;
using JobSheetQA.Rules.Policy;
using NRules.Fluent.Dsl;

namespace JobSheetQA.Rules.Access;

/// <summary>
/// The bot's own rule: only people listed under the environment's <c>requesters</c> in policy.yaml may promote there.
/// An empty list is secure by default (nobody), except in Development where anyone may, with a warning. Someone the
/// chat platform did not vouch for (no stable user id) may never promote. An unknown environment is REQ-ENV's to refuse.
/// </summary>
[Name(Id), Description("Only the environment's listed requesters may promote to it")]
[Tag(RuleSets.Access), RunbookSection("—"), Outcomes(FindingOutcome.Deny, FindingOutcome.Warn)]
public sealed class RequesterAccessRule : Rule
{
    public const string Id = "ACCESS";

    public override void Define()
    {
        PromotionPolicy policy = default!;
        DecisionContext context = default!;
        PromotionRequest request = default!;

        When()
            .Match(() => policy)
            .Match(() => context)
            .Match(() => request,
                // One condition, not two: the second half is only safe once the first holds.
                r => policy.IsKnownEnvironment(r.Environment) && !policy.FindEnvironment(r.Environment)!.Admits(r.Requester));

        Then()
            .Do(ctx => ctx.Insert(Objection(request, policy.FindEnvironment(request.Environment)!, context, policy.OwnersOf(PolicyAction.Promote, request.Environment).PolicyKey)));
    }

    /// <param name="key">The policy key that names who may promote there (<c>environments[production].requesters</c>), for how to be added.</param>
    private static Finding Objection(PromotionRequest request, EnvironmentPolicy environment, DecisionContext context, string key)
    {
        var who = request.Requester.QualifiedId;
        if (!request.Requester.Verified)
        {
            return RuleFinding.Of<RequesterAccessRule>(
                FindingOutcome.Deny,
                $"{request.Requester.DisplayName} cannot promote: {request.Requester.Channel} did not vouch for who sent this (no stable user id), so it may only read",
                ("environment", environment.Name),
                ("requester", who),
                ("verified", "false"));
        }

        if (environment.Requesters.Count == 0)
        {
            return context.IsDevelopment
                ? RuleFinding.Of<RequesterAccessRule>(
                    FindingOutcome.Warn,
                    $"Anyone may promote in Development; list requesters for {environment.Name} in policy.yaml",
                    ("environment", environment.Name),
                    ("requester", who),
                    ("requesters", "(none)"))
                : RuleFinding.Of<RequesterAccessRule>(
                    FindingOutcome.Deny,
                    $"Nobody may promote to {environment.Name} yet: policy.yaml's {key} lists nobody; "
                    + $"ask whoever maintains policy.yaml to add {who} there",
                    ("environment", environment.Name),
                    ("requester", who),
                    ("requesters", "(none)"));
        }

        return RuleFinding.Of<RequesterAccessRule>(
            FindingOutcome.Deny,
            $"{request.Requester.DisplayName} ({who}) may not promote to {environment.Name}: policy.yaml's {key} "
            + $"does not name them; ask whoever maintains policy.yaml to add {who} there",
            ("environment", environment.Name),
            ("requester", who),
            ("qualified_id", request.Requester.QualifiedId));
    }
}
