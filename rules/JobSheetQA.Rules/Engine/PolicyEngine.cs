using JobSheetQA.Rules.Catalogue;
using JobSheetQA.Rules.Decisions;
using JobSheetQA.Rules.Facts;
using JobSheetQA.Rules.Policy;
using NRules;
using NRules.Fluent;

namespace JobSheetQA.Rules.Engine;

/// <summary>
/// Compiles the rule sets once and judges each request in a session of its own.
/// One session per decision keeps decisions independent and fast (a shared session joins every request pairwise).
/// Thread-safe: session factories are, and nothing else is shared.
/// </summary>
public sealed class PolicyEngine
{
    private readonly ISessionFactory _promotionRules;
    private readonly ISessionFactory _writeWindowRules;
    private readonly IReadOnlyList<RuleInfo> _promotionCatalogue = RuleCatalogue.InSets(RuleSets.Promotion);
    private readonly IReadOnlyList<RuleInfo> _writeWindowCatalogue = RuleCatalogue.InSets([RuleSets.WriteWindow]);

    public PolicyEngine()
    {
        _promotionRules = Compile(_promotionCatalogue);
        _writeWindowRules = Compile(_writeWindowCatalogue);
    }

    /// <summary>Judges a promotion request against the gate, evidence, posture, workflow and access rule sets.</summary>
    public Decision Decide(PromotionFacts facts) => Run(_promotionRules, _promotionCatalogue, facts.All());

    /// <summary>Judges a request to open a write window (runbook §4.3).</summary>
    public Decision DecideWriteWindow(WriteWindowRequest request, PromotionPolicy policy, DecisionContext context, IEnumerable<WriteWindow> openWindows) =>
        Run(_writeWindowRules, _writeWindowCatalogue, [request, policy, context, .. openWindows]);

    private static ISessionFactory Compile(IReadOnlyList<RuleInfo> rules)
    {
        var repository = new RuleRepository();
        repository.Load(spec => spec.From(rules.Select(rule => rule.RuleType)));
        return repository.Compile();
    }

    private static Decision Run(ISessionFactory factory, IReadOnlyList<RuleInfo> catalogue, IEnumerable<object> facts)
    {
        var session = factory.CreateSession();
        // Facts are records: two value-equal ones (say, a flag listed twice) are one fact, not an error.
        session.TryInsertAll(facts, BatchOptions.SkipFailed);
        session.Fire();

        var order = catalogue.Select((rule, index) => (rule.Id, index)).ToDictionary(x => x.Id, x => x.index);
        var findings = session.Query<Finding>()
            .OrderBy(f => f.Outcome)
            .ThenBy(f => order.GetValueOrDefault(f.RuleId, int.MaxValue))
            .ToList();
        return new Decision(findings, catalogue);
    }
}
