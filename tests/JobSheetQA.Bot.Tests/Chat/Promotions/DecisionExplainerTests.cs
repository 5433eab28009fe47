using JobSheetQA.Bot.Chat.Promotions;
using JobSheetQA.Rules.Catalogue;
using JobSheetQA.Rules.Decisions;
using JobSheetQA.Rules.Facts;
using JobSheetQA.Rules.Gate;

namespace JobSheetQA.Bot.Tests.Chat.Promotions;

public sealed class DecisionExplainerTests
{
    private static readonly PromotionRequest ProductionSkip = new(
        RequestId: "p-42",
        Environment: "production",
        Ref: "main",
        CommitSha: "0123456789abcdef0123456789abcdef01234567",
        SkipParity: true,
        UseNightlyParity: false,
        AcknowledgementText: "I_ACCEPT_PARITY_SKIP",
        Requester: new RequesterIdentity("teams", "aad-1", "Alice Example", "alice@example.com"));

    private static readonly IReadOnlyList<RuleInfo> TwoRules =
    [
        RuleCatalogue.Describe(typeof(NoProductionParitySkipRule)),
        RuleCatalogue.Describe(typeof(SkipAcknowledgementRule)),
    ];

    private static Finding ProductionSkipDenial() => new(
        NoProductionParitySkipRule.Id,
        FindingOutcome.Deny,
        "Cannot skip parity for production",
        "§2.4, §5.5",
        [KeyValuePair.Create("target_environment", "production"), KeyValuePair.Create("skip_parity", "true")]);

    [Fact]
    public void Verdict_comes_first_and_names_request()
    {
        var text = DecisionExplainer.Explain(new Decision([ProductionSkipDenial()], TwoRules), ProductionSkip);

        var firstLine = text.Split('\n')[0];
        Assert.StartsWith("Denied: promote production from main at 0123456", firstLine);
        Assert.Contains("skip parity", firstLine);
        Assert.Contains("Alice Example", firstLine);
    }

    [Fact]
    public void Each_finding_shows_rule_id_runbook_section_message_and_facts()
    {
        var text = DecisionExplainer.Explain(new Decision([ProductionSkipDenial()], TwoRules), ProductionSkip);

        Assert.Contains("DENY REQ-NO-PROD-SKIP (runbook §2.4, §5.5): Cannot skip parity for production", text);
        Assert.Contains("facts: target_environment = production; skip_parity = true", text);
        Assert.DoesNotContain("PASS", text);
    }

    [Fact]
    public void Dry_run_lists_every_rule_with_its_verdict()
    {
        var text = DecisionExplainer.Explain(new Decision([ProductionSkipDenial()], TwoRules), ProductionSkip, ExplanationMode.DryRun);

        var lines = text.Split('\n');
        Assert.StartsWith("Dry run — would be denied:", lines[0]);
        Assert.Contains(lines, l => l.StartsWith("DENY REQ-NO-PROD-SKIP (runbook §2.4, §5.5)", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("PASS REQ-SKIP-ACK (runbook §2.4, §5.4)", StringComparison.Ordinal));
    }

    [Fact]
    public void Allowed_decision_says_how_many_rules_passed()
    {
        var text = DecisionExplainer.Explain(new Decision([], TwoRules), ProductionSkip with { SkipParity = false, AcknowledgementText = null });

        Assert.StartsWith("Allowed: promote production from main at 0123456 (requested by Alice Example)", text);
        Assert.Contains("All 2 rules passed.", text);
    }

    [Fact]
    public void Acknowledgement_findings_are_marked_and_warn_findings_are_marked()
    {
        var ack = new Finding(SkipAcknowledgementRule.Id, FindingOutcome.RequireAcknowledgement, "type exactly I_ACCEPT_PARITY_SKIP", "§2.4, §5.4", []);
        var warn = new Finding("ACCESS", FindingOutcome.Warn, "anyone may promote in Development", "—", []);
        var staging = ProductionSkip with { Environment = "staging", AcknowledgementText = null };

        var text = DecisionExplainer.Explain(new Decision([ack, warn], TwoRules), staging);

        Assert.StartsWith("Needs acknowledgement:", text);
        Assert.Contains("ACK  REQ-SKIP-ACK (runbook §2.4, §5.4): type exactly I_ACCEPT_PARITY_SKIP", text);
        Assert.Contains("WARN ACCESS (bot policy): anyone may promote in Development", text);
    }
}
