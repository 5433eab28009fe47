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
    public void A_nightly_result_older_than_the_policy_allows_is_denied()
    {
        var decision = DecideNightly(TestFacts.Nightly(age: TimeSpan.FromHours(27)));

        var finding = decision.Single(NightlyParityRule.Id);
        Assert.Equal(FindingOutcome.Deny, finding.Outcome);
        Assert.Equal("Nightly parity is stale: run 8812 finished 2026-11-25 06:00 UTC, 27h ago (limit 26h)", finding.Message);
        Assert.Equal("2026-11-25 06:00 UTC", finding.Fact("completed_at"));
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
