using JobSheetQA.Rules.Decisions;
using JobSheetQA.Rules.Gate;
using JobSheetQA.Rules.Policy;
using JobSheetQA.Rules.Tests.Support;

namespace JobSheetQA.Rules.Tests.Gate;

public sealed class SkipEnvironmentRuleTests
{
    private static readonly PromotionPolicy NoStagingSkip =
        TestFacts.Policy.WithEnvironment("staging", e => e with { AllowParitySkip = false });

    [Fact]
    public void Skip_where_the_policy_allows_it_passes()
    {
        var decision = SharedEngine.Instance.Decide(TestFacts.Staging().SkippingParity("I_ACCEPT_PARITY_SKIP"));

        Assert.Equal(RuleVerdict.Pass, decision.VerdictOf(SkipEnvironmentRule.Id));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("I_ACCEPT_PARITY_SKIP")]
    public void Skip_where_the_policy_forbids_it_is_denied_whatever_was_typed(string? acknowledgement)
    {
        var decision = SharedEngine.Instance.Decide(TestFacts.Staging().SkippingParity(acknowledgement) with { Policy = NoStagingSkip });

        Assert.Equal(Verdict.Deny, decision.Verdict);
        var finding = decision.Single(SkipEnvironmentRule.Id);
        Assert.StartsWith("Cannot skip parity for staging", finding.Message);
        Assert.Equal("false", finding.Fact("allow_parity_skip"));
        Assert.DoesNotContain(decision.Findings, f => f.RuleId == SkipAcknowledgementRule.Id);
    }

    [Fact]
    public void No_skip_passes_where_the_policy_forbids_skipping()
    {
        var decision = SharedEngine.Instance.Decide(TestFacts.Staging() with { Policy = NoStagingSkip });

        Assert.Empty(decision.Findings);
    }

    [Fact]
    public void Production_skip_is_left_to_the_non_waivable_rule()
    {
        var decision = SharedEngine.Instance.Decide(TestFacts.Production().SkippingParity(null));

        Assert.Equal([NoProductionParitySkipRule.Id], decision.RuleIds());
    }

    [Fact]
    public void Unknown_environment_skip_is_left_to_the_environment_rule()
    {
        var decision = SharedEngine.Instance.Decide(TestFacts.For("qa").SkippingParity("I_ACCEPT_PARITY_SKIP") with { Policy = NoStagingSkip });

        Assert.Equal([EnvironmentRule.Id], decision.RuleIds());
    }
}
