using JobSheetQA.Rules.Catalogue;
using JobSheetQA.Rules.Decisions;
using JobSheetQA.Rules.Facts;
using JobSheetQA.Rules.Policy;
using NRules.Fluent.Dsl;

namespace JobSheetQA.Rules.Evidence;

/// <summary>
/// Runbook §3: "Always deploy to staging before production." An environment with a predecessor needs a clean
/// promotion of the same commit to that predecessor and a complete recorded verification of it (§3.1 steps 3–4, §3.2 step 1).
/// Staging evidence that skipped parity is accepted with a warning: §5.5 "deploy to staging first with skip, then fix before production".
/// </summary>
[Name(Id), Description("A commit reaches production only after a clean, verified staging promotion")]
[Tag(RuleSets.Evidence), RunbookSection("§3"), Outcomes(FindingOutcome.Deny, FindingOutcome.Warn)]
public sealed class StagingFirstRule : Rule
{
    public const string Id = "STAGE-FIRST";

    public override void Define()
    {
        PromotionPolicy policy = default!;
        PromotionRequest request = default!;
        IEnumerable<CompletedPromotion> promotions = default!;
        IEnumerable<StagingVerification> verifications = default!;

        When()
            .Match(() => policy)
            .Match(() => request, r => policy.PredecessorOf(r.Environment) != null)
            .Query(() => promotions, q => q
                .Match<CompletedPromotion>(
                    p => p.Environment == policy.PredecessorOf(request.Environment),
                    p => string.Equals(p.CommitSha, request.CommitSha, StringComparison.OrdinalIgnoreCase))
                .Collect())
            .Query(() => verifications, q => q
                .Match<StagingVerification>(
                    v => v.Environment == policy.PredecessorOf(request.Environment),
                    v => string.Equals(v.CommitSha, request.CommitSha, StringComparison.OrdinalIgnoreCase))
                .Collect());

        Then()
            .Do(ctx => ctx.InsertAll(Judge(request, policy.PredecessorOf(request.Environment)!, promotions, verifications)));
    }

    private static IEnumerable<Finding> Judge(
        PromotionRequest request,
        string predecessor,
        IEnumerable<CompletedPromotion> promotions,
        IEnumerable<StagingVerification> verifications)
    {
        var commit = RuleText.ShortSha(request.CommitSha);
        var earlier = promotions.OrderByDescending(p => p.CompletedAt).ToList();
        var clean = earlier.Where(p => p.IsCleanSuccess).ToList();

        if (clean.Count == 0)
        {
            var latest = earlier.FirstOrDefault();
            var why = latest is null
                ? $"{commit} has not been promoted to {predecessor}"
                : $"the latest {predecessor} promotion of {commit} ({latest.PromotionId}) did not pass {FirstUnpassedStep(latest)}";
            yield return RuleFinding.Of<StagingFirstRule>(
                FindingOutcome.Deny,
                $"Deploy to {predecessor} first: {why}; {request.Environment} needs a successful {predecessor} promotion of the same commit",
                ("commit", request.CommitSha),
                ("required_environment", predecessor),
                ("latest_promotion", latest?.PromotionId ?? "(none)"));
        }
        else if (clean.All(p => p.ParitySkipped))
        {
            yield return RuleFinding.Of<StagingFirstRule>(
                FindingOutcome.Warn,
                $"Parity was skipped on {predecessor} for {commit}; the Parity Gate must pass on {request.Environment} (no skip allowed)",
                ("commit", request.CommitSha),
                ("required_environment", predecessor),
                ("promotion", clean[0].PromotionId),
                ("parity_skipped", "true"));
        }

        var recorded = verifications.OrderByDescending(v => v.VerifiedAt).ToList();
        if (!recorded.Any(v => v.IsComplete))
        {
            var latest = recorded.FirstOrDefault();
            var why = latest is null
                ? $"no {predecessor} verification is recorded for {commit}"
                : $"the {predecessor} verification of {commit} is incomplete ({string.Join(", ", MissingChecks(latest))} not confirmed)";
            yield return RuleFinding.Of<StagingFirstRule>(
                FindingOutcome.Deny,
                $"Confirm {predecessor} verification first: {why}",
                ("commit", request.CommitSha),
                ("required_environment", predecessor),
                ("verified_by", latest?.VerifiedBy ?? "(none)"));
        }
    }

    private static string FirstUnpassedStep(CompletedPromotion promotion)
    {
        foreach (var step in Enum.GetValues<PromotionStep>())
        {
            var passed = promotion.Steps.TryGetValue(step, out var outcome)
                && (outcome == StepOutcome.Passed
                    || (step == PromotionStep.ParityGate && promotion.ParitySkipped && outcome == StepOutcome.Skipped));
            if (!passed)
                return $"{step.DisplayName()} ({(promotion.Steps.TryGetValue(step, out var o) ? o.ToString().ToLowerInvariant() : "not run")})";
        }

        return "the run (it did not conclude with success)";
    }

    private static IEnumerable<string> MissingChecks(StagingVerification verification)
    {
        if (!verification.ApplicationHealthy) yield return "application health";
        if (!verification.SmokeTestsPassed) yield return "smoke tests";
        if (!verification.KeyFunctionalityVerified) yield return "key functionality";
    }
}
