using JobSheetQA.Rules.Decisions;
using JobSheetQA.Rules.Gate;
using JobSheetQA.Rules.Tests.Support;

namespace JobSheetQA.Rules.Tests.Gate;

public sealed class EnvironmentRuleTests
{
    [Theory]
    [InlineData("staging")]
    [InlineData("production")]
    public void The_policy_environments_pass(string environment)
    {
        var decision = SharedEngine.Instance.Decide(TestFacts.For(environment));

        Assert.Equal(RuleVerdict.Pass, decision.VerdictOf(EnvironmentRule.Id));
    }

    [Theory]
    [InlineData("qa")]
    [InlineData("Production")]
    [InlineData("staging ")]
    [InlineData("")]
    public void Any_other_target_environment_is_denied(string environment)
    {
        var decision = SharedEngine.Instance.Decide(TestFacts.For(environment));

        Assert.Equal(Verdict.Deny, decision.Verdict);
        var finding = decision.Single(EnvironmentRule.Id);
        Assert.StartsWith("target_environment must be staging or production", finding.Message);
        Assert.Equal(environment, finding.Fact("target_environment"));
        Assert.Equal("staging, production", finding.Fact("environments"));
    }

    [Fact]
    public void The_message_lists_the_policy_environments()
    {
        var policy = TestFacts.Policy with
        {
            Environments = [.. TestFacts.Policy.Environments, TestFacts.Policy.Environments[0] with { Name = "canary" }],
        };

        var decision = SharedEngine.Instance.Decide(TestFacts.For("qa") with { Policy = policy });

        Assert.StartsWith("target_environment must be staging, production or canary", decision.Single(EnvironmentRule.Id).Message);
    }
}
