using JobSheetQA.Rules.Decisions;

namespace JobSheetQA.Rules.Tests.Support;

/// <summary>Every rule test changes one thing in a baseline; that only proves something if the baseline is all green.</summary>
public sealed class TestFactsTests
{
    [Theory]
    [InlineData("staging")]
    [InlineData("production")]
    public void The_baseline_passes_every_rule(string environment)
    {
        var decision = SharedEngine.Instance.Decide(TestFacts.For(environment));

        Assert.Equal(Verdict.Allow, decision.Verdict);
        Assert.Empty(decision.Findings);
        Assert.Equal(decision.Evaluated.Count, decision.Passed.Count);
    }

    [Fact]
    public void The_test_policy_is_policy_yaml_with_the_test_requester_listed()
    {
        Assert.All(TestPolicy.Default.Environments, e => Assert.Empty(e.Requesters));
        Assert.All(TestFacts.Policy.Environments, e => Assert.Equal([TestFacts.Requester.QualifiedId], e.Requesters));
    }
}
