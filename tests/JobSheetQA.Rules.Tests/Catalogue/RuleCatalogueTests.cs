using JobSheetQA.Rules.Catalogue;
using JobSheetQA.Rules.Decisions;
using JobSheetQA.Rules.Engine;
using JobSheetQA.Rules.Facts;
using JobSheetQA.Rules.Tests.Support;
using NRules.Fluent.Dsl;

namespace JobSheetQA.Rules.Tests.Catalogue;

public sealed class RuleCatalogueTests
{
    /// <summary>The promotion policy's rules by rule set, as the runbook mapping (design §4) lists them.</summary>
    public static TheoryData<string, string> ExpectedRules => new()
    {
        { "REQ-BRANCH", RuleSets.Gate },
        { "REQ-ENV", RuleSets.Gate },
        { "REQ-NO-PROD-SKIP", RuleSets.Gate },
        { "REQ-SKIP-ACK", RuleSets.Gate },
        { "REQ-SKIP-ENV", RuleSets.Gate },
        { "STAGE-FIRST", RuleSets.Evidence },
        { "SEPARATE-VERIFIER", RuleSets.Evidence },
        { "NIGHTLY-PARITY", RuleSets.Evidence },
        { "POSTURE-CHECKLIST", RuleSets.Posture },
        { "POSTURE-PURGE", RuleSets.Posture },
        { "POSTURE-SCHED", RuleSets.Posture },
        { "SECRETS", RuleSets.Workflow },
        { "WORKFLOW-INPUTS", RuleSets.Workflow },
        { "WORKFLOW-NO-BYPASS", RuleSets.Workflow },
        { "WORKFLOW-ACK-CHECK", RuleSets.Workflow },
        { "WORKFLOW-PARITY-SOURCE", RuleSets.Workflow },
        { "WORKFLOW-GATES", RuleSets.Workflow },
        { "ACCESS", RuleSets.Access },
        { "LOCK", RuleSets.Access },
        { "WRITE-WINDOW", RuleSets.WriteWindow },
    };

    private static IEnumerable<Type> RuleTypes =>
        typeof(PolicyEngine).Assembly.GetTypes().Where(t => t.IsSubclassOf(typeof(Rule)) && !t.IsAbstract);

    [Fact]
    public void Every_rule_class_has_complete_metadata()
    {
        Assert.All(RuleTypes, type =>
        {
            var info = RuleCatalogue.Describe(type);
            Assert.Matches("^[A-Z]+(-[A-Z]+)*$", info.Id);
            Assert.False(string.IsNullOrWhiteSpace(info.Description));
            Assert.False(string.IsNullOrWhiteSpace(info.RunbookSection));
            Assert.Contains(info.RuleSet, RuleSets.Promotion.Append(RuleSets.WriteWindow));
            Assert.NotEmpty(info.Outcomes);
            Assert.True(type.IsSealed, $"{type.Name} should be sealed");
            Assert.Equal(info.Id, type.GetField("Id")?.GetValue(null));
        });
    }

    [Fact]
    public void Rule_ids_are_unique()
    {
        var ids = RuleTypes.Select(t => RuleCatalogue.Describe(t).Id).ToList();

        Assert.Equal(ids.Count, ids.Distinct(StringComparer.OrdinalIgnoreCase).Count());
    }

    [Fact]
    public void The_catalogue_holds_exactly_the_policy_rules()
    {
        var expected = ExpectedRules.Select(row => (string)row[0]).Order(StringComparer.Ordinal);

        Assert.Equal(expected, RuleCatalogue.All.Select(r => r.Id));
    }

    [Theory]
    [MemberData(nameof(ExpectedRules))]
    public void Each_rule_sits_in_its_rule_set(string id, string ruleSet)
    {
        Assert.Equal(ruleSet, RuleCatalogue.Find(id)?.RuleSet);
    }

    [Fact]
    public void Only_the_production_parity_skip_is_non_waivable()
    {
        Assert.Equal(["REQ-NO-PROD-SKIP"], RuleCatalogue.All.Where(r => r.NonWaivable).Select(r => r.Id));
    }

    [Fact]
    public void Only_the_skip_acknowledgement_and_the_posture_checklist_can_ask_the_requester()
    {
        Assert.Equal(
            ["POSTURE-CHECKLIST", "REQ-SKIP-ACK"],
            RuleCatalogue.All.Where(r => r.Outcomes.Contains(FindingOutcome.RequireAcknowledgement)).Select(r => r.Id));
    }

    [Fact]
    public void The_bots_own_rules_cite_no_runbook_section()
    {
        Assert.Equal(["ACCESS", "LOCK", "SEPARATE-VERIFIER"], RuleCatalogue.All.Where(r => r.RunbookSection == "—").Select(r => r.Id));
    }

    [Fact]
    public void The_policy_engine_compiles_every_rule_set()
    {
        var engine = new PolicyEngine();

        var promotion = engine.Decide(TestFacts.Production());
        var window = engine.DecideWriteWindow(
            new WriteWindowRequest("production", "CHG-1", TimeSpan.FromHours(1), TestFacts.Requester),
            TestFacts.Policy,
            new DecisionContext(TestFacts.Now, false),
            []);

        Assert.Equal(RuleCatalogue.InSets(RuleSets.Promotion).Select(r => r.Id), promotion.Evaluated.Select(r => r.Id));
        Assert.Equal(["WRITE-WINDOW"], window.Evaluated.Select(r => r.Id));
    }
}
