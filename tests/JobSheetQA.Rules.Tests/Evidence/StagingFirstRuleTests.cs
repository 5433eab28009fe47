using JobSheetQA.Rules.Decisions;
using JobSheetQA.Rules.Evidence;
using JobSheetQA.Rules.Facts;
using JobSheetQA.Rules.Tests.Support;

namespace JobSheetQA.Rules.Tests.Evidence;

public sealed class StagingFirstRuleTests
{
    [Fact]
    public void Production_with_a_clean_verified_staging_promotion_of_the_commit_passes()
    {
        var decision = SharedEngine.Instance.Decide(TestFacts.Production());

        Assert.Equal(RuleVerdict.Pass, decision.VerdictOf(StagingFirstRule.Id));
    }

    [Fact]
    public void Staging_needs_no_earlier_environment()
    {
        var decision = SharedEngine.Instance.Decide(TestFacts.Staging());

        Assert.Equal(RuleVerdict.Pass, decision.VerdictOf(StagingFirstRule.Id));
    }

    [Fact]
    public void Production_without_any_staging_promotion_is_denied_naming_the_commit()
    {
        var decision = SharedEngine.Instance.Decide(TestFacts.Production() with { PriorPromotions = [] });

        Assert.Equal(Verdict.Deny, decision.Verdict);
        var finding = decision.Single(StagingFirstRule.Id);
        Assert.Contains("9d3c1f7 has not been promoted to staging", finding.Message);
        Assert.Equal(TestFacts.HeadSha, finding.Fact("commit"));
        Assert.Equal("staging", finding.Fact("required_environment"));
    }

    [Fact]
    public void A_staging_promotion_of_another_commit_does_not_count()
    {
        var decision = SharedEngine.Instance.Decide(
            TestFacts.Production() with { PriorPromotions = [TestFacts.StagingPromotion(TestFacts.OlderSha)] });

        Assert.Contains("9d3c1f7 has not been promoted to staging", decision.Single(StagingFirstRule.Id).Message);
    }

    [Fact]
    public void A_production_promotion_of_the_commit_is_not_staging_evidence()
    {
        var production = TestFacts.StagingPromotion() with { Environment = EnvironmentNames.Production };

        var decision = SharedEngine.Instance.Decide(TestFacts.Production() with { PriorPromotions = [production] });

        Assert.Equal(RuleVerdict.Deny, decision.VerdictOf(StagingFirstRule.Id));
    }

    [Fact]
    public void A_failed_staging_promotion_is_denied_naming_the_gate_that_did_not_pass()
    {
        var failed = TestFacts.StagingPromotion(succeeded: false) with
        {
            Steps = new Dictionary<PromotionStep, StepOutcome>
            {
                [PromotionStep.ValidateRequest] = StepOutcome.Passed,
                [PromotionStep.CiGate] = StepOutcome.Passed,
                [PromotionStep.PolicyGate] = StepOutcome.Passed,
                [PromotionStep.RehearsalGate] = StepOutcome.Passed,
                [PromotionStep.ParityGate] = StepOutcome.Failed,
                [PromotionStep.Deploy] = StepOutcome.Skipped,
            },
        };

        var decision = SharedEngine.Instance.Decide(TestFacts.Production() with { PriorPromotions = [failed] });

        var finding = decision.Single(StagingFirstRule.Id);
        Assert.Equal(FindingOutcome.Deny, finding.Outcome);
        Assert.Contains("did not pass Parity Gate (failed)", finding.Message);
        Assert.Equal(failed.PromotionId, finding.Fact("latest_promotion"));
    }

    [Fact]
    public void A_clean_promotion_counts_even_after_an_earlier_failure()
    {
        var failed = TestFacts.StagingPromotion(succeeded: false) with { PromotionId = "prm-0039" };

        var decision = SharedEngine.Instance.Decide(
            TestFacts.Production() with { PriorPromotions = [failed, TestFacts.StagingPromotion()] });

        Assert.Equal(RuleVerdict.Pass, decision.VerdictOf(StagingFirstRule.Id));
    }

    [Fact]
    public void Production_without_a_recorded_staging_verification_is_denied()
    {
        var decision = SharedEngine.Instance.Decide(TestFacts.Production() with { Verifications = [] });

        var finding = decision.Single(StagingFirstRule.Id);
        Assert.Equal(FindingOutcome.Deny, finding.Outcome);
        Assert.Equal("Confirm staging verification first: no staging verification is recorded for 9d3c1f7", finding.Message);
    }

    [Fact]
    public void An_incomplete_staging_verification_is_denied_naming_what_was_not_confirmed()
    {
        var incomplete = TestFacts.StagingVerification() with { SmokeTestsPassed = false, KeyFunctionalityVerified = false };

        var decision = SharedEngine.Instance.Decide(TestFacts.Production() with { Verifications = [incomplete] });

        Assert.Contains("incomplete (smoke tests, key functionality not confirmed)", decision.Single(StagingFirstRule.Id).Message);
    }

    [Fact]
    public void A_verification_of_another_commit_does_not_count()
    {
        var decision = SharedEngine.Instance.Decide(
            TestFacts.Production() with { Verifications = [TestFacts.StagingVerification(TestFacts.OlderSha)] });

        Assert.Equal(RuleVerdict.Deny, decision.VerdictOf(StagingFirstRule.Id));
    }

    [Fact]
    public void Each_missing_piece_of_evidence_is_its_own_finding()
    {
        var decision = SharedEngine.Instance.Decide(TestFacts.Production() with { PriorPromotions = [], Verifications = [] });

        var findings = decision.Findings.Where(f => f.RuleId == StagingFirstRule.Id).ToList();
        Assert.Equal(2, findings.Count);
        Assert.All(findings, f => Assert.Equal(FindingOutcome.Deny, f.Outcome));
    }

    [Fact]
    public void Staging_evidence_that_skipped_parity_warns_that_parity_must_pass_on_production()
    {
        var decision = SharedEngine.Instance.Decide(
            TestFacts.Production() with { PriorPromotions = [TestFacts.StagingPromotion(paritySkipped: true)] });

        Assert.Equal(Verdict.Allow, decision.Verdict);
        var finding = decision.Single(StagingFirstRule.Id);
        Assert.Equal(FindingOutcome.Warn, finding.Outcome);
        Assert.Equal("Parity was skipped on staging for 9d3c1f7; the Parity Gate must pass on production (no skip allowed)", finding.Message);
    }

    [Fact]
    public void No_warning_when_a_clean_staging_promotion_ran_parity()
    {
        var decision = SharedEngine.Instance.Decide(
            TestFacts.Production() with { PriorPromotions = [TestFacts.StagingPromotion(paritySkipped: true), TestFacts.StagingPromotion()] });

        Assert.Equal(RuleVerdict.Pass, decision.VerdictOf(StagingFirstRule.Id));
    }
}
