using JobSheetQA.Rules.Decisions;
using JobSheetQA.Rules.Facts;
using JobSheetQA.Rules.Tests.Support;
using JobSheetQA.Rules.WriteWindows;

namespace JobSheetQA.Rules.Tests.WriteWindows;

public sealed class WriteWindowRuleTests
{
    private static readonly DecisionContext Context = new(TestFacts.Now, IsDevelopment: false);

    private static Decision Decide(string environment, string? changeRequest, TimeSpan? duration, params WriteWindow[] windows) =>
        SharedEngine.Instance.DecideWriteWindow(
            new WriteWindowRequest(environment, changeRequest, duration, TestFacts.Requester),
            TestFacts.Policy,
            Context,
            windows);

    [Theory]
    [InlineData("CHG-1234", 60)]
    [InlineData("CR-7", 15)]
    [InlineData("OPS2-99", 240)]
    [InlineData(" CHG-1234 ", 30)]
    public void A_change_request_and_a_bounded_duration_on_production_is_allowed(string changeRequest, int minutes)
    {
        var decision = Decide("production", changeRequest, TimeSpan.FromMinutes(minutes));

        Assert.Equal(Verdict.Allow, decision.Verdict);
        Assert.Empty(decision.Findings);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void A_window_without_a_change_request_is_denied(string? changeRequest)
    {
        var decision = Decide("production", changeRequest, TimeSpan.FromHours(1));

        Assert.Equal(Verdict.Deny, decision.Verdict);
        var finding = decision.Single(WriteWindowRule.Id);
        Assert.StartsWith("A write window needs a change request", finding.Message);
        Assert.Equal("§4.3", finding.RunbookSection);
    }

    [Theory]
    [InlineData("chg-1234")]
    [InlineData("CHG1234")]
    [InlineData("CHG-")]
    [InlineData("because I said so")]
    [InlineData("CHG-12a")]
    public void A_change_request_not_matching_the_policy_pattern_is_denied(string changeRequest)
    {
        var decision = Decide("production", changeRequest, TimeSpan.FromHours(1));

        var finding = decision.Single(WriteWindowRule.Id);
        Assert.Contains($"\"{changeRequest}\" is not a change request id", finding.Message);
        Assert.Equal("^[A-Z][A-Z0-9]*-[0-9]+$", finding.Fact("pattern"));
    }

    [Fact]
    public void A_window_without_a_duration_is_denied_naming_the_bounds()
    {
        var decision = Decide("production", "CHG-1234", null);

        Assert.Equal("A write window needs a duration of 15m to 4h", decision.Single(WriteWindowRule.Id).Message);
    }

    [Theory]
    [InlineData(14)]
    [InlineData(0)]
    [InlineData(241)]
    [InlineData(60 * 24)]
    public void A_duration_outside_the_policy_bounds_is_denied(int minutes)
    {
        var decision = Decide("production", "CHG-1234", TimeSpan.FromMinutes(minutes));

        Assert.Contains("is outside the allowed 15m to 4h", decision.Single(WriteWindowRule.Id).Message);
    }

    [Fact]
    public void An_unknown_environment_is_denied()
    {
        var decision = Decide("prod", "CHG-1234", TimeSpan.FromHours(1));

        Assert.Equal("Unknown environment \"prod\": write windows apply to production", decision.Single(WriteWindowRule.Id).Message);
    }

    [Fact]
    public void An_environment_without_read_only_posture_is_denied()
    {
        var decision = Decide("staging", "CHG-1234", TimeSpan.FromHours(1));

        Assert.StartsWith("staging has no read-only posture", decision.Single(WriteWindowRule.Id).Message);
    }

    [Fact]
    public void A_second_window_while_one_is_open_is_denied_naming_the_open_one()
    {
        var decision = Decide("production", "CHG-2000", TimeSpan.FromHours(1), TestFacts.Window("CHG-1234", TestFacts.Now.AddMinutes(45)));

        Assert.Equal(Verdict.Deny, decision.Verdict);
        var finding = decision.Single(WriteWindowRule.Id);
        Assert.Contains("already open on production: CHG-1234 by ops.lead@jobsheetqa.example until 2026-11-26 09:45 UTC", finding.Message);
    }

    [Fact]
    public void Ended_closed_or_other_environment_windows_do_not_block_a_new_one()
    {
        var decision = Decide(
            "production",
            "CHG-2000",
            TimeSpan.FromHours(1),
            TestFacts.Window("CHG-1", endsAt: TestFacts.Now),
            TestFacts.Window("CHG-2", closedAt: TestFacts.Now.AddMinutes(-1)),
            TestFacts.Window("CHG-3") with { Environment = "staging" });

        Assert.Empty(decision.Findings);
    }

    [Fact]
    public void Every_problem_with_a_request_is_reported_at_once()
    {
        var decision = Decide("staging", "nope", TimeSpan.FromDays(2));

        var findings = decision.Findings.Where(f => f.RuleId == WriteWindowRule.Id).ToList();
        Assert.Equal(3, findings.Count);
        Assert.All(findings, f => Assert.Equal(FindingOutcome.Deny, f.Outcome));
    }
}
