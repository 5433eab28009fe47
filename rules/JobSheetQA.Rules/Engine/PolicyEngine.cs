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
    private readonly CompiledRuleSet promotionRules = CompiledRuleSet.Of(RuleSets.Promotion);
    private readonly CompiledRuleSet writeWindowRules = CompiledRuleSet.Of([RuleSets.WriteWindow]);

    /// <summary>Judges a promotion request against the gate, evidence, posture, workflow and access rule sets.</summary>
    public Decision Decide(PromotionFacts facts) => promotionRules.Decide(facts.All());

    /// <summary>Judges a request to open a write window (runbook §4.3).</summary>
    public Decision DecideWriteWindow(WriteWindowRequest request, PromotionPolicy policy, DecisionContext context, IEnumerable<WriteWindow> openWindows) =>
        writeWindowRules.Decide([request, policy, context, .. openWindows]);

    /// <summary>One compiled rule set with its catalogue entries; findings are ordered by outcome, then catalogue order.</summary>
    private sealed class CompiledRuleSet
    {
        private readonly ISessionFactory sessions;
        private readonly IReadOnlyList<RuleInfo> rules;
        private readonly Dictionary<string, int> catalogueOrder;

        private CompiledRuleSet(IReadOnlyList<RuleInfo> rules)
        {
            var repository = new RuleRepository();
            repository.Load(spec => spec.From(rules.Select(rule => rule.RuleType)));
            sessions = repository.Compile();
            this.rules = rules;
            catalogueOrder = rules.Select((rule, index) => (rule.Id, index)).ToDictionary(x => x.Id, x => x.index);
        }

        public static CompiledRuleSet Of(IEnumerable<string> ruleSets) => new(RuleCatalogue.InSets(ruleSets));

        public Decision Decide(IEnumerable<object> facts)
        {
            var session = sessions.CreateSession();
            // Facts are records: two value-equal ones (say, a flag listed twice) are one fact, not an error.
            session.TryInsertAll(facts, BatchOptions.SkipFailed);
            session.Fire();

            // Query returns an IQueryable: ordering it would compile an expression tree on every decision (about 1 ms).
            var findings = session.Query<Finding>()
                .AsEnumerable()
                .OrderBy(f => f.Outcome)
                .ThenBy(f => catalogueOrder.GetValueOrDefault(f.RuleId, int.MaxValue))
                .ToList();
            return new Decision(findings, this.rules);
        }
    }
}
