using JobSheetQA.Rules.Access;
using JobSheetQA.Rules.Decisions;
using JobSheetQA.Rules.Facts;
using JobSheetQA.Rules.Tests.Support;

namespace JobSheetQA.Rules.Tests.Access;

public sealed class EnvironmentLockRuleTests
{
    private static readonly DateTimeOffset Since = new(2026, 11, 26, 8, 15, 0, TimeSpan.Zero);

    [Fact]
    public void No_promotion_in_flight_passes()
    {
        var decision = SharedEngine.Instance.Decide(TestFacts.Production());

        Assert.Equal(RuleVerdict.Pass, decision.VerdictOf(EnvironmentLockRule.Id));
    }

    [Fact]
    public void Another_promotion_in_flight_on_the_environment_is_denied_naming_holder_time_and_id()
    {
        var decision = SharedEngine.Instance.Decide(TestFacts.Production().WithLockHeldBy("lee@jobsheetqa.example", "prm-0037", Since));

        Assert.Equal(Verdict.Deny, decision.Verdict);
        var finding = decision.Single(EnvironmentLockRule.Id);
        Assert.Equal(
            "production is locked by lee@jobsheetqa.example since 2026-11-26 08:15 UTC (promotion prm-0037); one promotion per environment at a time",
            finding.Message);
        Assert.Equal("prm-0037", finding.Fact("promotion"));
    }

    [Fact]
    public void The_lock_time_is_shown_in_utc_whatever_offset_it_was_recorded_with()
    {
        var since = new DateTimeOffset(2026, 11, 26, 9, 15, 0, TimeSpan.FromHours(1));

        var decision = SharedEngine.Instance.Decide(TestFacts.Staging().WithLockHeldBy("lee@jobsheetqa.example", "prm-0037", since));

        Assert.Equal("2026-11-26 08:15 UTC", decision.Single(EnvironmentLockRule.Id).Fact("since"));
    }

    [Fact]
    public void The_requests_own_promotion_does_not_lock_it_out()
    {
        var decision = SharedEngine.Instance.Decide(TestFacts.Production().WithLockHeldBy("dana.okafor@jobsheetqa.example", TestFacts.PromotionId, Since));

        Assert.Equal(RuleVerdict.Pass, decision.VerdictOf(EnvironmentLockRule.Id));
    }

    [Fact]
    public void A_promotion_in_flight_on_another_environment_does_not_lock_this_one()
    {
        var decision = SharedEngine.Instance.Decide(TestFacts.Production() with
        {
            InFlight = [new PromotionInFlight("prm-0037", EnvironmentNames.Staging, "lee@jobsheetqa.example", Since)],
        });

        Assert.Equal(RuleVerdict.Pass, decision.VerdictOf(EnvironmentLockRule.Id));
    }
}
