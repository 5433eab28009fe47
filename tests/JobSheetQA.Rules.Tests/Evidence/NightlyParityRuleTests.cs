using JobSheetQA.Rules.Decisions;
using JobSheetQA.Rules.Evidence;
using JobSheetQA.Rules.Facts;
using JobSheetQA.Rules.Tests.Support;

namespace JobSheetQA.Rules.Tests.Evidence;

public sealed class NightlyParityRuleTests
{
    private static Decision DecideNightly(NightlyParityResult? nightly) =>
        SharedEngine.Instance.Decide(
            TestFacts.Production().WithRequest(r => r with { UseNightlyParity = true }) with { NightlyParity = nightly });

    [Fact]
    public void Without_use_nightly_parity_the_rule_does_not_look()
    {
        var decision = SharedEngine.Instance.Decide(TestFacts.Production() with { NightlyParity = null });

        Assert.Equal(RuleVerdict.Pass, decision.VerdictOf(NightlyParityRule.Id));
    }

    [Fact]
    public void A_fresh_nightly_run_of_the_commit_within_thresholds_passes()
    {
        var decision = DecideNightly(TestFacts.Nightly());

        Assert.Equal(Verdict.Allow, decision.Verdict);
        Assert.Empty(decision.Findings);
    }

    [Fact]
    public void No_nightly_result_is_denied()
    {
        var decision = DecideNightly(null);

        Assert.Equal(Verdict.Deny, decision.Verdict);
        Assert.Contains("use_nightly_parity needs a nightly parity result", decision.Single(NightlyParityRule.Id).Message);
    }

    [Fact]
    public void A_nightly_report_generated_longer_ago_than_the_policy_allows_is_denied()
    {
        var decision = DecideNightly(TestFacts.Nightly(age: TimeSpan.FromHours(27)));

        var finding = decision.Single(NightlyParityRule.Id);
        Assert.Equal(FindingOutcome.Deny, finding.Outcome);
        Assert.Equal("Nightly parity is stale: the report of run 8812 was generated 2026-11-25 06:00 UTC, 27h ago (limit 26h)", finding.Message);
        Assert.Equal("2026-11-25 06:00 UTC", finding.Fact("generated_at"));
        Assert.Equal("report generated_at", finding.Fact("age_from"));
    }

    [Fact]
    public void Age_is_the_report_s_generated_at_even_when_its_run_finished_recently()
    {
        // A fresh run that uploaded an old report (copied from an earlier run, say) is not fresh parity.
        var decision = DecideNightly(TestFacts.Nightly() with { GeneratedAt = TestFacts.Now.AddHours(-30), CompletedAt = TestFacts.Now.AddHours(-1) });

        var finding = decision.Single(NightlyParityRule.Id);
        Assert.Equal(FindingOutcome.Deny, finding.Outcome);
        Assert.StartsWith("Nightly parity is stale: the report of run 8812 was generated 2026-11-25 03:00 UTC, 30h ago", finding.Message);
    }

    [Fact]
    public void A_fresh_report_of_a_run_that_finished_long_after_passes()
    {
        var decision = DecideNightly(TestFacts.Nightly() with { GeneratedAt = TestFacts.Now.AddHours(-25), CompletedAt = TestFacts.Now.AddHours(-1) });

        Assert.Equal(RuleVerdict.Pass, decision.VerdictOf(NightlyParityRule.Id));
    }

    [Fact]
    public void Without_a_readable_generated_at_the_run_time_is_used_and_the_finding_says_so()
    {
        var decision = DecideNightly(TestFacts.Nightly() with { GeneratedAt = null, CompletedAt = TestFacts.Now.AddHours(-27) });

        var finding = decision.Single(NightlyParityRule.Id);
        Assert.Equal(FindingOutcome.Deny, finding.Outcome);
        Assert.Equal(
            "Nightly parity is stale: run 8812 finished 2026-11-25 06:00 UTC, 27h ago (limit 26h); age from the run time: the report has no generated_at",
            finding.Message);
        Assert.Equal("run updated_at", finding.Fact("age_from"));
    }

    [Fact]
    public void Without_a_readable_generated_at_a_fresh_run_passes_the_freshness_check()
    {
        var decision = DecideNightly(TestFacts.Nightly() with { GeneratedAt = null, CompletedAt = TestFacts.Now.AddHours(-2) });

        Assert.Equal(RuleVerdict.Pass, decision.VerdictOf(NightlyParityRule.Id));
    }

    [Fact]
    public void A_generated_at_in_the_future_is_denied()
    {
        var decision = DecideNightly(TestFacts.Nightly() with { GeneratedAt = TestFacts.Now.AddHours(2), CompletedAt = TestFacts.Now.AddHours(-1) });

        var finding = decision.Single(NightlyParityRule.Id);
        Assert.Equal(FindingOutcome.Deny, finding.Outcome);
        Assert.Equal(
            "Nightly parity report of run 8812 says it was generated at 2026-11-26 11:00 UTC, 2h in the future: its generated_at cannot be " +
            "trusted, so neither can its freshness",
            finding.Message);
    }

    [Fact]
    public void A_generated_at_a_little_ahead_within_the_clock_skew_is_accepted()
    {
        var ahead = NightlyParityRule.ClockSkew - TimeSpan.FromSeconds(30);

        var decision = DecideNightly(TestFacts.Nightly() with { GeneratedAt = TestFacts.Now + ahead, CompletedAt = TestFacts.Now });

        Assert.Equal(RuleVerdict.Pass, decision.VerdictOf(NightlyParityRule.Id));
    }

    [Fact]
    public void A_generated_at_after_the_run_that_uploaded_the_report_finished_is_denied()
    {
        var decision = DecideNightly(TestFacts.Nightly() with { GeneratedAt = TestFacts.Now.AddHours(-1), CompletedAt = TestFacts.Now.AddHours(-30) });

        var finding = decision.Single(NightlyParityRule.Id);
        Assert.Equal(FindingOutcome.Deny, finding.Outcome);
        Assert.Contains("after the run that uploaded it finished (2026-11-25 03:00 UTC)", finding.Message);
    }

    [Fact]
    public void A_nightly_result_exactly_max_age_old_is_still_fresh()
    {
        var decision = DecideNightly(TestFacts.Nightly(age: TimeSpan.FromHours(26)));

        Assert.Equal(RuleVerdict.Pass, decision.VerdictOf(NightlyParityRule.Id));
    }

    [Fact]
    public void A_nightly_result_with_violations_is_denied_listing_them()
    {
        var decision = DecideNightly(TestFacts.Nightly(TestFacts.HeadSha, null, "accuracy 0.91 < 0.95", "p95 latency 4.2s > 3s"));

        var finding = decision.Single(NightlyParityRule.Id);
        Assert.Equal(FindingOutcome.Deny, finding.Outcome);
        Assert.EndsWith("accuracy 0.91 < 0.95; p95 latency 4.2s > 3s", finding.Message);
    }

    [Fact]
    public void A_nightly_run_of_another_commit_only_warns()
    {
        var decision = DecideNightly(TestFacts.Nightly(TestFacts.OlderSha));

        Assert.Equal(Verdict.Allow, decision.Verdict);
        var finding = decision.Single(NightlyParityRule.Id);
        Assert.Equal(FindingOutcome.Warn, finding.Outcome);
        Assert.Equal("Nightly parity tested 4b8e2d6, not 9d3c1f7: changes since then were not parity-tested", finding.Message);
    }

    [Fact]
    public void Stale_failing_and_of_another_commit_raises_each_problem()
    {
        var decision = DecideNightly(TestFacts.Nightly(TestFacts.OlderSha, TimeSpan.FromDays(3), "accuracy 0.91 < 0.95"));

        var outcomes = decision.Findings.Where(f => f.RuleId == NightlyParityRule.Id).Select(f => f.Outcome).ToList();
        Assert.Equal([FindingOutcome.Deny, FindingOutcome.Deny, FindingOutcome.Warn], outcomes);
    }
}
