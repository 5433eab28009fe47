using JobSheetQA.Rules.Decisions;
using JobSheetQA.Rules.Gate;
using JobSheetQA.Rules.Tests.Support;

namespace JobSheetQA.Rules.Tests.Gate;

public sealed class BranchRuleTests
{
    [Theory]
    [InlineData("refs/heads/main")]
    [InlineData("main")]
    public void Promotion_from_main_passes(string gitRef)
    {
        var decision = SharedEngine.Instance.Decide(TestFacts.Production().WithRequest(r => r with { Ref = gitRef }));

        Assert.Equal(RuleVerdict.Pass, decision.VerdictOf(BranchRule.Id));
    }

    [Theory]
    [InlineData("refs/heads/feature/ocr-retry", "feature/ocr-retry")]
    [InlineData("develop", "develop")]
    [InlineData("refs/heads/Main", "Main")]
    [InlineData("refs/tags/main", "refs/tags/main")]
    public void Promotion_from_another_branch_is_denied_naming_both_branches(string gitRef, string branch)
    {
        var decision = SharedEngine.Instance.Decide(TestFacts.Staging().WithRequest(r => r with { Ref = gitRef }));

        Assert.Equal(Verdict.Deny, decision.Verdict);
        var finding = decision.Single(BranchRule.Id);
        Assert.Equal(FindingOutcome.Deny, finding.Outcome);
        Assert.Equal($"Promotion only from main: {branch} was requested", finding.Message);
        Assert.Equal(branch, finding.Fact("branch"));
        Assert.Equal("main", finding.Fact("allowed_branch"));
        Assert.Equal("§2.3", finding.RunbookSection);
    }

    [Fact]
    public void The_allowed_branch_comes_from_the_policy()
    {
        var facts = TestFacts.Staging() with { Policy = TestFacts.Policy with { AllowedBranch = "release" } };

        var decision = SharedEngine.Instance.Decide(facts);

        Assert.Contains("Promotion only from release", decision.Single(BranchRule.Id).Message);
    }
}
