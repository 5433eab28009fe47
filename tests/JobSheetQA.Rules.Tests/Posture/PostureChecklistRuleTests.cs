using JobSheetQA.Rules.Decisions;
using JobSheetQA.Rules.Posture;
using JobSheetQA.Rules.Tests.Support;

namespace JobSheetQA.Rules.Tests.Posture;

public sealed class PostureChecklistRuleTests
{
    [Fact]
    public void Production_with_every_item_confirmed_is_allowed()
    {
        var decision = SharedEngine.Instance.Decide(TestFacts.Production());

        Assert.Equal(Verdict.Allow, decision.Verdict);
        Assert.Equal(RuleVerdict.Pass, decision.VerdictOf(PostureChecklistRule.Id));
    }

    [Fact]
    public void Production_without_a_checklist_asks_the_requester_for_it()
    {
        var decision = SharedEngine.Instance.Decide(TestFacts.Production() with { PostureChecklists = [] });

        Assert.Equal(Verdict.RequireAcknowledgement, decision.Verdict);
        var finding = decision.Single(PostureChecklistRule.Id);
        Assert.Equal(FindingOutcome.RequireAcknowledgement, finding.Outcome);
        Assert.Equal("§4.2", finding.RunbookSection);
        Assert.Equal("(none)", finding.Fact("posture_checklist"));
    }

    [Theory]
    [InlineData(false, true, true, "database connection is read-only")]
    [InlineData(true, false, true, "no destructive operations are scheduled")]
    [InlineData(true, true, false, "monitoring alerts are configured")]
    public void Production_with_an_item_answered_no_is_refused(bool database, bool noDestructive, bool monitoring, string unconfirmed)
    {
        var decision = SharedEngine.Instance.Decide(
            TestFacts.Production() with { PostureChecklists = [TestFacts.Checklist(database, noDestructive, monitoring)] });

        Assert.Equal(Verdict.Deny, decision.Verdict);
        var finding = decision.Single(PostureChecklistRule.Id);
        Assert.Equal(FindingOutcome.Deny, finding.Outcome);
        Assert.Equal(unconfirmed, finding.Fact("not_confirmed"));
        Assert.Equal(TestFacts.Requester.DisplayName, finding.Fact("answered_by"));
    }

    [Fact]
    public void A_checklist_answered_for_another_promotion_does_not_count()
    {
        var decision = SharedEngine.Instance.Decide(
            TestFacts.Production() with { PostureChecklists = [TestFacts.Checklist(promotionId: "prm-0007")] });

        Assert.Equal(FindingOutcome.RequireAcknowledgement, decision.Single(PostureChecklistRule.Id).Outcome);
    }

    [Fact]
    public void Staging_needs_no_checklist()
    {
        var decision = SharedEngine.Instance.Decide(TestFacts.Staging());

        Assert.Equal(Verdict.Allow, decision.Verdict);
        Assert.False(decision.HasFinding(PostureChecklistRule.Id));
    }

    [Fact]
    public void An_environment_whose_policy_drops_the_read_only_posture_needs_no_checklist()
    {
        var policy = TestFacts.Policy.WithEnvironment("production", e => e with { ReadOnlyPosture = false });

        var decision = SharedEngine.Instance.Decide(TestFacts.Production() with { PostureChecklists = [], Policy = policy });

        Assert.False(decision.HasFinding(PostureChecklistRule.Id));
    }
}
