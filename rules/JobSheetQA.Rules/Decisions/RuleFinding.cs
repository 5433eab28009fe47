using System.Collections.Concurrent;
using JobSheetQA.Rules.Catalogue;

namespace JobSheetQA.Rules.Decisions;

/// <summary>Builds a finding stamped with the raising rule's id and runbook section, so neither is written twice.</summary>
internal static class RuleFinding
{
    private static readonly ConcurrentDictionary<Type, RuleInfo> Metadata = new();

    public static Finding Of<TRule>(FindingOutcome outcome, string message, params (string Name, string Value)[] facts) =>
        Of(typeof(TRule), outcome, message, facts);

    public static Finding Of(Type ruleType, FindingOutcome outcome, string message, params (string Name, string Value)[] facts)
    {
        var rule = Metadata.GetOrAdd(ruleType, RuleCatalogue.Describe);
        return new Finding(
            rule.Id,
            outcome,
            message,
            rule.RunbookSection,
            facts.Select(fact => KeyValuePair.Create(fact.Name, fact.Value)).ToList());
    }
}
