using JobSheetQA.Rules.Catalogue;
using JobSheetQA.Rules.Decisions;
using JobSheetQA.Rules.Facts;
using JobSheetQA.Rules.Policy;
using NRules.Fluent.Dsl;

namespace JobSheetQA.Rules.Evidence;

/// <summary>
/// Runbook §2.1 <c>use_nightly_parity</c>: "Use latest nightly parity results". They stand in for a parity run,
/// so they must exist, be fresh (policy max_age) and be within thresholds. A nightly run of another commit is only a warning:
/// nightly parity is by nature a run of an earlier HEAD.
/// </summary>
[Name(Id), Description("Nightly parity results must exist, be fresh and be within thresholds")]
[Tag(RuleSets.Evidence), RunbookSection("§2.1"), Outcomes(FindingOutcome.Deny, FindingOutcome.Warn)]
public sealed class NightlyParityRule : Rule
{
    public const string Id = "NIGHTLY-PARITY";

    public override void Define()
    {
        PromotionPolicy policy = default!;
        DecisionContext context = default!;
        PromotionRequest request = default!;
        IEnumerable<NightlyParityResult> results = default!;

        When()
            .Match(() => policy)
            .Match(() => context)
            .Match(() => request, r => r.UseNightlyParity)
            .Query(() => results, q => q.Match<NightlyParityResult>().Collect());

        Then()
            .Do(ctx => ctx.InsertAll(Judge(request, policy.NightlyParity, context.Now, results)));
    }

    private static IEnumerable<Finding> Judge(
        PromotionRequest request, NightlyParityPolicy nightly, DateTimeOffset now, IEnumerable<NightlyParityResult> results)
    {
        var newest = results.MaxBy(r => r.CompletedAt);
        if (newest is null)
        {
            yield return RuleFinding.Of<NightlyParityRule>(
                FindingOutcome.Deny,
                $"use_nightly_parity needs a nightly parity result: no successful {nightly.Workflow} run was found",
                ("use_nightly_parity", "true"),
                ("nightly_workflow", nightly.Workflow));
            yield break;
        }

        var age = now - newest.CompletedAt;
        if (age > nightly.MaxAge)
        {
            yield return RuleFinding.Of<NightlyParityRule>(
                FindingOutcome.Deny,
                $"Nightly parity is stale: run {newest.RunId} finished {RuleText.Utc(newest.CompletedAt)}, {RuleText.Duration(age)} ago (limit {RuleText.Duration(nightly.MaxAge)})",
                ("run_id", newest.RunId.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                ("completed_at", RuleText.Utc(newest.CompletedAt)),
                ("max_age", RuleText.Duration(nightly.MaxAge)));
        }

        if (!newest.WithinThresholds)
        {
            yield return RuleFinding.Of<NightlyParityRule>(
                FindingOutcome.Deny,
                $"Nightly parity run {newest.RunId} broke its thresholds: {string.Join("; ", newest.Violations)}",
                ("run_id", newest.RunId.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                ("violations", string.Join("; ", newest.Violations)));
        }

        if (!string.Equals(newest.CommitSha, request.CommitSha, StringComparison.OrdinalIgnoreCase))
        {
            yield return RuleFinding.Of<NightlyParityRule>(
                FindingOutcome.Warn,
                $"Nightly parity tested {RuleText.ShortSha(newest.CommitSha)}, not {RuleText.ShortSha(request.CommitSha)}: changes since then were not parity-tested",
                ("nightly_commit", newest.CommitSha),
                ("commit", request.CommitSha));
        }
    }
}
