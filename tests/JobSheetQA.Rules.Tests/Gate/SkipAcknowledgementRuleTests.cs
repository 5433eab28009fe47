using JobSheetQA.Rules.Decisions;
using JobSheetQA.Rules.Gate;
using JobSheetQA.Rules.Tests.Support;

namespace JobSheetQA.Rules.Tests.Gate;

public sealed class SkipAcknowledgementRuleTests
{
    [Fact]
    public void Staging_skip_with_the_exact_phrase_is_allowed()
    {
        var decision = SharedEngine.Instance.Decide(TestFacts.Staging().SkippingParity("I_ACCEPT_PARITY_SKIP"));

        Assert.Equal(Verdict.Allow, decision.Verdict);
        Assert.Equal(RuleVerdict.Pass, decision.VerdictOf(SkipAcknowledgementRule.Id));
    }

    [Fact]
    public void Staging_skip_without_a_phrase_asks_for_it()
    {
        var decision = SharedEngine.Instance.Decide(TestFacts.Staging().SkippingParity(acknowledgement: null));

        Assert.Equal(Verdict.RequireAcknowledgement, decision.Verdict);
        var finding = decision.Single(SkipAcknowledgementRule.Id);
        Assert.Equal(FindingOutcome.RequireAcknowledgement, finding.Outcome);
        Assert.Contains("I_ACCEPT_PARITY_SKIP", finding.Message);
    }

    [Theory]
    [InlineData("i_accept_parity_skip")]
    [InlineData("I_Accept_Parity_Skip")]
    [InlineData(" I_ACCEPT_PARITY_SKIP")]
    [InlineData("I_ACCEPT_PARITY_SKIP ")]
    [InlineData("I_ACCEPT_PARITY_SKIP\n")]
    [InlineData("I_ACCEPT_PARITY_SKIP!")]
    [InlineData("I_ACCEPT_PARITY_SKIPS")]
    [InlineData("I ACCEPT PARITY SKIP")]
    [InlineData("")]
    public void Staging_skip_with_any_other_text_is_refused_as_missing_acknowledgement(string typed)
    {
        var decision = SharedEngine.Instance.Decide(TestFacts.Staging().SkippingParity(typed));

        Assert.Equal(Verdict.Deny, decision.Verdict);
        var finding = decision.Single(SkipAcknowledgementRule.Id);
        Assert.StartsWith("Missing skip acknowledgement", finding.Message);
        Assert.Contains("I_ACCEPT_PARITY_SKIP", finding.Message);
        Assert.Equal($"\"{typed}\"", finding.Fact("skip_parity_acknowledgement"));
    }

    [Fact]
    public void Acknowledgement_text_without_a_skip_changes_nothing()
    {
        var decision = SharedEngine.Instance.Decide(
            TestFacts.Staging().WithRequest(r => r with { AcknowledgementText = "whatever" }));

        Assert.Equal(Verdict.Allow, decision.Verdict);
        Assert.Empty(decision.Findings);
    }

    [Fact]
    public void No_acknowledgement_is_asked_where_the_policy_forbids_the_skip()
    {
        var policy = TestFacts.Policy.WithEnvironment("staging", e => e with { AllowParitySkip = false });

        var decision = SharedEngine.Instance.Decide(TestFacts.Staging().SkippingParity(null) with { Policy = policy });

        Assert.Equal([SkipEnvironmentRule.Id], decision.RuleIds());
    }

    [Fact]
    public void No_acknowledgement_is_asked_for_an_unknown_environment()
    {
        var decision = SharedEngine.Instance.Decide(TestFacts.For("qa").SkippingParity(null));

        Assert.Equal([EnvironmentRule.Id], decision.RuleIds());
    }
}
