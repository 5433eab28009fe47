using JobSheetQA.Rules.Decisions;
using JobSheetQA.Rules.Evidence;
using JobSheetQA.Rules.Facts;
using JobSheetQA.Rules.Policy;
using JobSheetQA.Rules.Tests.Support;

namespace JobSheetQA.Rules.Tests.Evidence;

public sealed class SeparateVerifierRuleTests
{
    private static Decision Decide(StagingVerification verification, bool isDevelopment = false, bool? separation = null) =>
        SharedEngine.Instance.Decide(TestFacts.Production() with
        {
            Verifications = [verification],
            Context = new DecisionContext(TestFacts.Now, isDevelopment),
            Policy = TestFacts.Policy with { Authorization = AuthorizationPolicy.Defaults with { SeparationOfDuties = separation } },
        });

    [Fact]
    public void A_verification_by_someone_else_lets_production_through()
    {
        var decision = Decide(TestFacts.StagingVerification());

        Assert.Equal(RuleVerdict.Pass, decision.VerdictOf(SeparateVerifierRule.Id));
    }

    [Fact]
    public void The_requester_s_own_verification_is_not_a_second_pair_of_eyes()
    {
        var own = TestFacts.StagingVerification() with { VerifiedBy = "Dana Okafor", VerifiedById = TestFacts.Requester.QualifiedId.ToUpperInvariant() };

        var decision = Decide(own);

        Assert.Equal(Verdict.Deny, decision.Verdict);
        var finding = decision.Single(SeparateVerifierRule.Id);
        Assert.Equal(
            "Someone other than Dana Okafor must verify staging: the staging verification of 9d3c1f7 was recorded by Dana Okafor, "
            + "and separation of duties is on (policy.yaml authorization.separation_of_duties)",
            finding.Message);
    }

    [Fact]
    public void A_verification_whose_verifier_is_unknown_does_not_count()
    {
        var legacy = TestFacts.StagingVerification() with { VerifiedById = null };

        var decision = Decide(legacy);

        Assert.Equal(RuleVerdict.Deny, decision.VerdictOf(SeparateVerifierRule.Id));
        Assert.Contains("recorded before verifier ids were kept", decision.Single(SeparateVerifierRule.Id).Message);
    }

    [Fact]
    public void One_verification_by_someone_else_is_enough_beside_the_requester_s_own()
    {
        var own = TestFacts.StagingVerification() with { VerifiedById = TestFacts.Requester.QualifiedId };
        var facts = TestFacts.Production() with { Verifications = [own, TestFacts.StagingVerification()] };

        Assert.Equal(RuleVerdict.Pass, SharedEngine.Instance.Decide(facts).VerdictOf(SeparateVerifierRule.Id));
    }

    [Fact]
    public void In_development_separation_is_off_unless_the_policy_turns_it_on()
    {
        var own = TestFacts.StagingVerification() with { VerifiedById = TestFacts.Requester.QualifiedId };

        Assert.Equal(RuleVerdict.Pass, Decide(own, isDevelopment: true).VerdictOf(SeparateVerifierRule.Id));
        Assert.Equal(RuleVerdict.Deny, Decide(own, isDevelopment: true, separation: true).VerdictOf(SeparateVerifierRule.Id));
        Assert.Equal(RuleVerdict.Pass, Decide(own, separation: false).VerdictOf(SeparateVerifierRule.Id));
    }

    [Fact]
    public void Without_a_complete_verification_stage_first_refuses_and_this_rule_is_silent()
    {
        var incomplete = TestFacts.StagingVerification() with { SmokeTestsPassed = false, VerifiedById = TestFacts.Requester.QualifiedId };

        var decision = Decide(incomplete);

        Assert.Equal(RuleVerdict.Deny, decision.VerdictOf(StagingFirstRule.Id));
        Assert.Equal(RuleVerdict.Pass, decision.VerdictOf(SeparateVerifierRule.Id));
    }

    [Fact]
    public void Staging_needs_no_earlier_verification()
    {
        var decision = SharedEngine.Instance.Decide(TestFacts.Staging());

        Assert.Equal(RuleVerdict.Pass, decision.VerdictOf(SeparateVerifierRule.Id));
    }
}
