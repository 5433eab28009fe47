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

    /// <summary>How far a clock may be ahead (the runner's, GitHub's, the bot's) before a time counts as invented.</summary>
    public static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(5);

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

        var freshness = Freshness(newest, nightly, now);
        if (freshness is not null)
        {
            yield return freshness;
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

    /// <summary>
    /// Age is the report's own <c>generated_at</c> (when the suite ran), not when its run finished: a run can upload an
    /// old report. Only a report with no readable <c>generated_at</c> is aged by its run, and the finding says so. A
    /// <c>generated_at</c> in the future, or after the run that uploaded it finished, cannot be true: it is refused
    /// rather than believed (fail closed).
    /// </summary>
    private static Finding? Freshness(NightlyParityResult newest, NightlyParityPolicy nightly, DateTimeOffset now)
    {
        var runId = newest.RunId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var limit = RuleText.Duration(nightly.MaxAge);
        if (newest.GeneratedAt is not { } generatedAt)
        {
            var runAge = now - newest.CompletedAt;
            return runAge <= nightly.MaxAge
                ? null
                : RuleFinding.Of<NightlyParityRule>(
                    FindingOutcome.Deny,
                    $"Nightly parity is stale: run {runId} finished {RuleText.Utc(newest.CompletedAt)}, {RuleText.Duration(runAge)} ago (limit {limit}); " +
                    "age from the run time: the report has no generated_at",
                    ("run_id", runId),
                    ("completed_at", RuleText.Utc(newest.CompletedAt)),
                    ("age_from", "run updated_at"),
                    ("max_age", limit));
        }

        if (generatedAt > now + ClockSkew)
        {
            return RuleFinding.Of<NightlyParityRule>(
                FindingOutcome.Deny,
                $"Nightly parity report of run {runId} says it was generated at {RuleText.Utc(generatedAt)}, {RuleText.Duration(generatedAt - now)} " +
                "in the future: its generated_at cannot be trusted, so neither can its freshness",
                ("run_id", runId),
                ("generated_at", RuleText.Utc(generatedAt)),
                ("now", RuleText.Utc(now)));
        }

        if (generatedAt > newest.CompletedAt + ClockSkew)
        {
            return RuleFinding.Of<NightlyParityRule>(
                FindingOutcome.Deny,
                $"Nightly parity report of run {runId} says it was generated at {RuleText.Utc(generatedAt)}, after the run that uploaded it " +
                $"finished ({RuleText.Utc(newest.CompletedAt)}): its generated_at cannot be trusted, so neither can its freshness",
                ("run_id", runId),
                ("generated_at", RuleText.Utc(generatedAt)),
                ("completed_at", RuleText.Utc(newest.CompletedAt)));
        }

        var age = now - generatedAt;
        return age <= nightly.MaxAge
            ? null
            : RuleFinding.Of<NightlyParityRule>(
                FindingOutcome.Deny,
                $"Nightly parity is stale: the report of run {runId} was generated {RuleText.Utc(generatedAt)}, {RuleText.Duration(age)} ago (limit {limit})",
                ("run_id", runId),
                ("generated_at", RuleText.Utc(generatedAt)),
                ("age_from", "report generated_at"),
                ("max_age", limit));
    }
}
