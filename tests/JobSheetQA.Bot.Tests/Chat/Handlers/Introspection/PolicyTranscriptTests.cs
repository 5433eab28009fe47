using JobSheetQA.Bot.Tests.Chat.Handlers.Support;
using JobSheetQA.Rules.Catalogue;

namespace JobSheetQA.Bot.Tests.Chat.Handlers.Introspection;

public sealed class PolicyTranscriptTests : TranscriptTests
{
    [Fact]
    public async Task Policy_lists_every_rule_by_rule_set_with_section_and_outcomes()
    {
        var answer = await Chat.SayAsync("dana", "policy");

        Assert.StartsWith($"**Rule catalogue** ({RuleCatalogue.All.Count} rules).", answer, StringComparison.Ordinal);
        Assert.All(RuleCatalogue.All, rule => Assert.Contains($"- `{rule.Id}` (", answer, StringComparison.Ordinal));
        Assert.Contains("**posture**", answer, StringComparison.Ordinal);
        Assert.Contains("- `REQ-NO-PROD-SKIP` (runbook §2.4, §5.5; deny): Production promotions cannot skip the Parity Gate", answer, StringComparison.Ordinal);
        Assert.Contains("- `LOCK` (bot policy; deny): One promotion in flight per environment", answer, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Policy_shows_who_may_do_what_with_the_policy_key_of_each_action()
    {
        // The test host runs in Development with the shipped policy: no lists, every key at its default.
        var answer = await Chat.SayAsync("dana", "policy");

        Assert.Contains("**Who may do what** (policy.yaml; `whoami` says whether you may):", answer, StringComparison.Ordinal);
        string[] rows =
        [
            "- promote staging: `environments[staging].requesters`: nobody listed",
            "- promote production: `environments[production].requesters`: nobody listed",
            "- verify staging: `authorization.verifiers` (unset, so `environments[staging].requesters`): nobody listed",
            "- production posture checklist: `authorization.posture_checklist` (unset, so `environments[production].requesters`): nobody listed",
            "- open or close production write windows: `authorization.write_window_approvers` (unset, so `environments[production].requesters`): nobody listed",
            "- cancel someone else's promotion: `authorization.cancelers`: nobody listed (a requester may always cancel their own)",
            "- separation of duties (`authorization.separation_of_duties`): off: the requester's own verification counts",
            "- subscribe, unsubscribe and the read-only commands: anyone the bot serves (no key)",
        ];
        Assert.All(rows, row => Assert.Contains(row, answer, StringComparison.Ordinal));
        Assert.DoesNotContain("verify production", answer, StringComparison.Ordinal);
        Assert.DoesNotContain("staging posture checklist", answer, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Policy_with_a_rule_id_shows_its_section_outcomes_and_what_it_says()
    {
        var answer = await Chat.SayAsync("dana", "policy stage-first");

        Assert.Contains("**STAGE-FIRST**: A commit reaches production only after a clean, verified staging promotion", answer, StringComparison.Ordinal);
        Assert.Contains("Runbook: runbook §3", answer, StringComparison.Ordinal);
        Assert.Contains("Rule set: evidence", answer, StringComparison.Ordinal);
        Assert.Contains("Outcomes: deny, warn", answer, StringComparison.Ordinal);
        Assert.Contains("Runbook §3: \"Always deploy to staging before production\"", answer, StringComparison.Ordinal);
        Assert.DoesNotContain("### NIGHTLY-PARITY", answer, StringComparison.Ordinal);
        Assert.DoesNotContain("use_nightly_parity", answer, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_non_waivable_rule_says_nothing_can_lift_it_and_quotes_the_runbook_message()
    {
        var answer = await Chat.SayAsync("dana", "policy REQ-NO-PROD-SKIP");

        Assert.Contains("Waivable: no: nothing can lift it", answer, StringComparison.Ordinal);
        Assert.Contains("\"Cannot skip parity for production\"", answer, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("policy stagefirst", "There is no rule `STAGEFIRST`. Did you mean `STAGE-FIRST`?")]
    [InlineData("policy posture", "There is no rule `POSTURE`. Did you mean `POSTURE-PURGE`, `POSTURE-SCHED` or `POSTURE-CHECKLIST`?")]
    [InlineData("policy REQ-BRANCHES", "Did you mean `REQ-BRANCH`?")]
    public async Task An_unknown_rule_id_is_a_clear_error_with_did_you_mean(string said, string expected)
    {
        var answer = await Chat.SayAsync("dana", said);

        Assert.Contains(expected, answer, StringComparison.Ordinal);
        Assert.Contains("Rules: ", answer, StringComparison.Ordinal);
        Assert.DoesNotContain("Outcomes:", answer, StringComparison.Ordinal);
    }
}
