using JobSheetQA.Rules.Decisions;
using JobSheetQA.Rules.Gate;
using JobSheetQA.Rules.Tests.Support;

namespace JobSheetQA.Rules.Tests.Gate;

public sealed class NoProductionParitySkipRuleTests
{
    [Fact]
    public void Production_without_skip_passes()
    {
        var decision = SharedEngine.Instance.Decide(TestFacts.Production());

        Assert.Equal(RuleVerdict.Pass, decision.VerdictOf(NoProductionParitySkipRule.Id));
    }

    [Fact]
    public void Production_skip_is_denied_even_with_acknowledgement()
    {
        var decision = SharedEngine.Instance.Decide(TestFacts.Production().SkippingParity("I_ACCEPT_PARITY_SKIP"));

        Assert.Equal(Verdict.Deny, decision.Verdict);
        var finding = decision.Single(NoProductionParitySkipRule.Id);
        Assert.Equal("Cannot skip parity for production", finding.Message);
        Assert.True(decision.Evaluated.Single(r => r.Id == NoProductionParitySkipRule.Id).NonWaivable);
        Assert.DoesNotContain(decision.Findings, f => f.RuleId == SkipAcknowledgementRule.Id);
    }

    [Fact]
    public void Production_skip_is_refused_before_any_acknowledgement_is_asked_for()
    {
        var decision = SharedEngine.Instance.Decide(TestFacts.Production().SkippingParity(acknowledgement: null));

        Assert.Equal(Verdict.Deny, decision.Verdict);
        Assert.Equal([NoProductionParitySkipRule.Id], decision.RuleIds());
        Assert.Empty(decision.Acknowledgements);
    }

    [Fact]
    public void Production_skip_is_denied_even_if_the_policy_data_allowed_it()
    {
        // policy.yaml says allow_parity_skip must stay false for production; the rule does not trust it to.
        var policy = TestFacts.Policy.WithEnvironment("production", e => e with { AllowParitySkip = true });

        var decision = SharedEngine.Instance.Decide(
            TestFacts.Production().SkippingParity("I_ACCEPT_PARITY_SKIP") with { Policy = policy });

        Assert.Equal([NoProductionParitySkipRule.Id], decision.RuleIds());
    }

    [Fact]
    public void Staging_skip_is_not_this_rules_concern()
    {
        var decision = SharedEngine.Instance.Decide(TestFacts.Staging().SkippingParity("I_ACCEPT_PARITY_SKIP"));

        Assert.Equal(RuleVerdict.Pass, decision.VerdictOf(NoProductionParitySkipRule.Id));
    }
}
