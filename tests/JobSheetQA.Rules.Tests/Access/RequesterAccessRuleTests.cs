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
    public void A_requester_not_listed_is_denied_with_the_key_and_how_to_be_added()
    {
        var decision = DecideAs(TestFacts.Stranger, TestPolicy.WithRequesters(TestFacts.Requester.QualifiedId, "teams:someone-else"));

        Assert.Equal(Verdict.Deny, decision.Verdict);
        var finding = decision.Single(RequesterAccessRule.Id);
        Assert.Equal(
            "Sam Visitor (slack:U0STRANGER) may not promote to production: policy.yaml's environments[production].requesters does not name them; "
            + "ask whoever maintains policy.yaml to add slack:U0STRANGER there", finding.Message);
        Assert.Equal("slack:U0STRANGER", finding.Fact("qualified_id"));
    }

    [Theory]
    [InlineData("teams", "6f1c2b7e-5d4a-4c3b-9a8e-1f2d3c4b5a69", "slack", "U0DANA")]
    [InlineData("slack", "U0DANA", "teams", "6f1c2b7e-5d4a-4c3b-9a8e-1f2d3c4b5a69")]
    public void A_listed_person_passes_and_one_not_listed_is_denied_on_Teams_and_Slack(string channel, string listedId, string otherChannel, string otherId)
    {
        var policy = TestPolicy.WithRequesters($"{channel}:{listedId}");

        Assert.Equal(RuleVerdict.Pass, DecideAs(new RequesterIdentity(channel, listedId, "Dana"), policy).VerdictOf(RequesterAccessRule.Id));
        Assert.Equal(RuleVerdict.Deny, DecideAs(new RequesterIdentity(channel, "someone-else", "Erin"), policy).VerdictOf(RequesterAccessRule.Id));
        // The same id on the other platform is someone else: each platform vouches only for its own ids.
        Assert.Equal(RuleVerdict.Deny, DecideAs(new RequesterIdentity(otherChannel, listedId, "Dana"), policy).VerdictOf(RequesterAccessRule.Id));
        Assert.Equal(RuleVerdict.Deny, DecideAs(new RequesterIdentity(otherChannel, otherId, "Dana"), policy).VerdictOf(RequesterAccessRule.Id));
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
        Assert.Equal(
            $"Nobody may promote to {environment} yet: policy.yaml's environments[{environment}].requesters lists nobody; "
            + $"ask whoever maintains policy.yaml to add {TestFacts.Requester.QualifiedId} there", decision.Single(RequesterAccessRule.Id).Message);
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
