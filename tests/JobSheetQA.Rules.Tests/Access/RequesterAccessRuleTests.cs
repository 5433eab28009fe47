using JobSheetQA.Rules.Access;
using JobSheetQA.Rules.Decisions;
using JobSheetQA.Rules.Facts;
using JobSheetQA.Rules.Gate;
using JobSheetQA.Rules.Policy;
using JobSheetQA.Rules.Tests.Support;

namespace JobSheetQA.Rules.Tests.Access;

public sealed class RequesterAccessRuleTests
{
    private static Decision DecideAs(RequesterIdentity requester, PromotionPolicy policy, bool isDevelopment = false, string environment = "production") =>
        SharedEngine.Instance.Decide(TestFacts.For(environment).WithRequest(r => r with { Requester = requester }) with
        {
            Policy = policy,
            Context = new DecisionContext(TestFacts.Now, isDevelopment),
        });

    [Fact]
    public void A_requester_listed_by_email_passes()
    {
        var decision = DecideAs(TestFacts.Requester, TestPolicy.WithRequesters("DANA.OKAFOR@jobsheetqa.example"));

        Assert.Equal(RuleVerdict.Pass, decision.VerdictOf(RequesterAccessRule.Id));
    }

    [Fact]
    public void A_requester_listed_by_channel_id_passes()
    {
        var decision = DecideAs(TestFacts.Stranger, TestPolicy.WithRequesters("slack:U0STRANGER"));

        Assert.Equal(RuleVerdict.Pass, decision.VerdictOf(RequesterAccessRule.Id));
    }

    [Fact]
    public void A_star_lets_anyone_promote()
    {
        var decision = DecideAs(TestFacts.Stranger, TestPolicy.WithRequesters("*"));

        Assert.Equal(RuleVerdict.Pass, decision.VerdictOf(RequesterAccessRule.Id));
    }

    [Fact]
    public void A_requester_not_listed_is_denied()
    {
        var decision = DecideAs(TestFacts.Stranger, TestPolicy.WithRequesters(TestFacts.Requester.Email!, "teams:someone-else"));

        Assert.Equal(Verdict.Deny, decision.Verdict);
        var finding = decision.Single(RequesterAccessRule.Id);
        Assert.Equal("Sam Visitor (sam@elsewhere.example) may not promote to production: not listed under its requesters in policy.yaml", finding.Message);
        Assert.Equal("slack:U0STRANGER", finding.Fact("qualified_id"));
    }

    [Fact]
    public void A_requester_not_listed_is_denied_in_development_too()
    {
        var decision = DecideAs(TestFacts.Stranger, TestPolicy.WithRequesters(TestFacts.Requester.Email!), isDevelopment: true);

        Assert.Equal(RuleVerdict.Deny, decision.VerdictOf(RequesterAccessRule.Id));
    }

    [Theory]
    [InlineData("staging")]
    [InlineData("production")]
    public void An_empty_requester_list_lets_nobody_promote_outside_development(string environment)
    {
        var decision = DecideAs(TestFacts.Requester, TestPolicy.Default, environment: environment);

        Assert.Equal(Verdict.Deny, decision.Verdict);
        Assert.Equal($"Nobody may promote to {environment} yet: policy.yaml lists no requesters for it", decision.Single(RequesterAccessRule.Id).Message);
    }

    [Fact]
    public void An_empty_requester_list_lets_anyone_promote_in_development_with_a_warning()
    {
        var decision = DecideAs(TestFacts.Stranger, TestPolicy.Default, isDevelopment: true);

        Assert.Equal(Verdict.Allow, decision.Verdict);
        var finding = decision.Single(RequesterAccessRule.Id);
        Assert.Equal(FindingOutcome.Warn, finding.Outcome);
        Assert.Equal("Anyone may promote in Development; list requesters for production in policy.yaml", finding.Message);
    }

    [Fact]
    public void Requesters_are_per_environment()
    {
        var policy = TestPolicy.WithRequesters("*").WithEnvironment("production", e => e with { Requesters = [TestFacts.Requester.Email!] });

        Assert.Equal(RuleVerdict.Pass, DecideAs(TestFacts.Stranger, policy, environment: "staging").VerdictOf(RequesterAccessRule.Id));
        Assert.Equal(RuleVerdict.Deny, DecideAs(TestFacts.Stranger, policy, environment: "production").VerdictOf(RequesterAccessRule.Id));
    }

    [Fact]
    public void An_unknown_environment_is_left_to_the_environment_rule()
    {
        var decision = DecideAs(TestFacts.Stranger, TestPolicy.Default, environment: "qa");

        Assert.Equal([EnvironmentRule.Id], decision.RuleIds());
    }
}
