using JobSheetQA.Rules.Decisions;
using JobSheetQA.Rules.Facts;
using JobSheetQA.Rules.Tests.Support;

namespace JobSheetQA.Rules.Tests.Posture;

/// <summary>The cases POSTURE-PURGE and POSTURE-SCHED share; each rule's own class names its flag and purpose.</summary>
public abstract class PostureFlagRuleTests
{
    protected abstract string RuleId { get; }

    protected abstract string OtherRuleId { get; }

    protected abstract string Flag { get; }

    protected abstract string Purpose { get; }

    [Theory]
    [InlineData(null)]
    [InlineData("false")]
    [InlineData(" FALSE ")]
    [InlineData("")]
    public void Production_with_the_flag_false_or_unset_passes(string? value)
    {
        var decision = SharedEngine.Instance.Decide(TestFacts.Production().WithFlag(Flag, value));

        Assert.Equal(RuleVerdict.Pass, decision.VerdictOf(RuleId));
    }

    [Fact]
    public void Production_without_the_variable_at_all_passes()
    {
        var decision = SharedEngine.Instance.Decide(TestFacts.Production() with { PostureFlags = [] });

        Assert.Equal(RuleVerdict.Pass, decision.VerdictOf(RuleId));
    }

    [Theory]
    [InlineData("true")]
    [InlineData("TRUE")]
    [InlineData(" true ")]
    [InlineData("0")]
    [InlineData("no")]
    [InlineData("flase")]
    public void Production_with_the_flag_enabled_is_denied(string value)
    {
        var decision = SharedEngine.Instance.Decide(TestFacts.Production().WithFlag(Flag, value));

        Assert.Equal(Verdict.Deny, decision.Verdict);
        var finding = decision.Single(RuleId);
        Assert.Equal(FindingOutcome.Deny, finding.Outcome);
        Assert.StartsWith($"{Flag} is {value} on production; it must be false or unset for the read-only posture ({Purpose})", finding.Message);
        Assert.Equal(value, finding.Fact(Flag));
        Assert.Equal(RuleVerdict.Pass, decision.VerdictOf(OtherRuleId));
    }

    [Theory]
    [InlineData(VariableScope.Repository, "repository")]
    [InlineData(VariableScope.Organization, "organisation")]
    public void A_flag_that_wins_from_a_wider_scope_is_denied_naming_the_scope(VariableScope scope, string scopeName)
    {
        var facts = TestFacts.Production();
        facts = facts with
        {
            PostureFlags = [.. facts.PostureFlags.Where(f => f.Name != Flag), new PostureFlag("production", Flag, "true") { Scope = scope }],
        };

        var decision = SharedEngine.Instance.Decide(facts);

        Assert.Equal(Verdict.Deny, decision.Verdict);
        var finding = decision.Single(RuleId);
        Assert.Equal(scopeName, finding.Fact("scope"));
        Assert.Contains($"set at {scopeName} scope", finding.Message);
    }

    [Fact]
    public void An_open_write_window_turns_the_denial_into_a_warning_naming_it()
    {
        var decision = SharedEngine.Instance.Decide(
            TestFacts.Production().WithFlag(Flag, "true").WithWindows(TestFacts.Window("CHG-1234", TestFacts.Now.AddMinutes(75))));

        Assert.Equal(Verdict.Allow, decision.Verdict);
        var finding = decision.Single(RuleId);
        Assert.Equal(FindingOutcome.Warn, finding.Outcome);
        Assert.Contains("under write window CHG-1234, open until 2026-11-26 10:15 UTC", finding.Message);
        Assert.Equal("CHG-1234", finding.Fact("change_request"));
    }

    [Fact]
    public void An_expired_write_window_does_not_cover_the_flag()
    {
        var decision = SharedEngine.Instance.Decide(
            TestFacts.Production().WithFlag(Flag, "true").WithWindows(TestFacts.Window(endsAt: TestFacts.Now)));

        Assert.Equal(RuleVerdict.Deny, decision.VerdictOf(RuleId));
    }

    [Fact]
    public void A_closed_write_window_does_not_cover_the_flag()
    {
        var decision = SharedEngine.Instance.Decide(
            TestFacts.Production().WithFlag(Flag, "true").WithWindows(TestFacts.Window(closedAt: TestFacts.Now.AddMinutes(-5))));

        Assert.Equal(RuleVerdict.Deny, decision.VerdictOf(RuleId));
    }

    [Fact]
    public void A_window_on_another_environment_does_not_cover_the_flag()
    {
        var decision = SharedEngine.Instance.Decide(
            TestFacts.Production().WithFlag(Flag, "true").WithWindows(TestFacts.Window() with { Environment = "staging" }));

        Assert.Equal(RuleVerdict.Deny, decision.VerdictOf(RuleId));
    }

    [Fact]
    public void A_flag_read_from_another_environment_is_not_judged()
    {
        var stagingFlag = new PostureFlag("staging", Flag, "true");

        var decision = SharedEngine.Instance.Decide(TestFacts.Production() with { PostureFlags = [stagingFlag] });

        Assert.Equal(RuleVerdict.Pass, decision.VerdictOf(RuleId));
    }

    [Fact]
    public void Staging_has_no_read_only_posture()
    {
        var decision = SharedEngine.Instance.Decide(TestFacts.Staging().WithFlag(Flag, "true"));

        Assert.Equal(RuleVerdict.Pass, decision.VerdictOf(RuleId));
    }
}
