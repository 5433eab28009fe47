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
    public void A_requester_listed_by_channel_id_passes_whatever_the_case()
    {
        var decision = DecideAs(TestFacts.Requester, TestPolicy.WithRequesters(TestFacts.Requester.QualifiedId.ToUpperInvariant()));

        Assert.Equal(RuleVerdict.Pass, decision.VerdictOf(RequesterAccessRule.Id));
    }

    [Fact]
    public void An_e_mail_names_nobody_even_when_the_sender_claims_it()
    {
        // The sender controls the e-mail a chat message carries; only the platform's user id names a person.
        var decision = DecideAs(TestFacts.Requester, TestPolicy.WithRequesters(TestFacts.Requester.Email!));

        Assert.Equal(RuleVerdict.Deny, decision.VerdictOf(RequesterAccessRule.Id));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Someone_the_platform_did_not_vouch_for_may_not_promote_even_where_anyone_may(bool isDevelopment)
    {
        var unverified = TestFacts.Requester with { Verified = false };

        var decision = DecideAs(unverified, TestPolicy.WithRequesters("*"), isDevelopment: isDevelopment);

        Assert.Equal(Verdict.Deny, decision.Verdict);
        var finding = decision.Single(RequesterAccessRule.Id);
        Assert.Equal(FindingOutcome.Deny, finding.Outcome);
        Assert.Equal("Dana Okafor cannot promote: teams did not vouch for who sent this (no stable user id), so it may only read", finding.Message);
    }

    [Fact]
    public void Someone_unverified_may_not_promote_in_development_with_no_requesters_listed()
    {
        var decision = DecideAs(TestFacts.Stranger with { Verified = false }, TestPolicy.Default, isDevelopment: true);

        Assert.Equal(Verdict.Deny, decision.Verdict);
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
        var decision = DecideAs(TestFacts.Stranger, TestPolicy.WithRequesters(TestFacts.Requester.QualifiedId, "teams:someone-else"));

        Assert.Equal(Verdict.Deny, decision.Verdict);
        var finding = decision.Single(RequesterAccessRule.Id);
        Assert.Equal("Sam Visitor (slack:U0STRANGER) may not promote to production: not listed under its requesters in policy.yaml", finding.Message);
        Assert.Equal("slack:U0STRANGER", finding.Fact("qualified_id"));
    }

    [Fact]
    public void A_requester_not_listed_is_denied_in_development_too()
    {
        var decision = DecideAs(TestFacts.Stranger, TestPolicy.WithRequesters(TestFacts.Requester.QualifiedId), isDevelopment: true);

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
        var policy = TestPolicy.WithRequesters("*").WithEnvironment("production", e => e with { Requesters = [TestFacts.Requester.QualifiedId] });

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
