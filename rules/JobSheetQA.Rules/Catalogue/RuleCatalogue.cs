using System.Reflection;
using NRules.Fluent;
using NRules.Fluent.Dsl;

namespace JobSheetQA.Rules.Catalogue;

/// <summary>Every rule in this library with its metadata, in id order. The published catalogue (docs/policy.md) is checked against it.</summary>
public static class RuleCatalogue
{
    private static readonly Lazy<IReadOnlyList<RuleInfo>> AllRules = new(Discover);

    public static IReadOnlyList<RuleInfo> All => AllRules.Value;

    public static IReadOnlyList<RuleInfo> InSets(IEnumerable<string> ruleSets)
    {
        var wanted = ruleSets.ToHashSet(StringComparer.Ordinal);
        return All.Where(rule => wanted.Contains(rule.RuleSet)).ToList();
    }

    public static RuleInfo? Find(string id) =>
        All.FirstOrDefault(rule => string.Equals(rule.Id, id, StringComparison.OrdinalIgnoreCase));

    public static RuleInfo Describe(Type ruleType)
    {
        string Required<TAttribute>(Func<TAttribute, string> read) where TAttribute : Attribute =>
            ruleType.GetCustomAttribute<TAttribute>() is { } attribute
                ? read(attribute)
                : throw new InvalidOperationException($"Rule {ruleType.Name} lacks [{typeof(TAttribute).Name}].");

        var metadata = new RuleMetadata(ruleType);
        var tags = metadata.Tags.ToList();
        if (tags.Count != 1)
            throw new InvalidOperationException($"Rule {ruleType.Name} must carry exactly one rule-set [Tag].");

        return new RuleInfo(
            Id: ruleType.IsDefined(typeof(NameAttribute)) ? metadata.Name : throw new InvalidOperationException($"Rule {ruleType.Name} lacks [Name]."),
            Description: metadata.Description is { Length: > 0 } description ? description : throw new InvalidOperationException($"Rule {ruleType.Name} lacks [Description]."),
            RunbookSection: Required<RunbookSectionAttribute>(a => a.Section),
            RuleSet: tags[0],
            Outcomes: ruleType.GetCustomAttribute<OutcomesAttribute>()?.Outcomes
                ?? throw new InvalidOperationException($"Rule {ruleType.Name} lacks [Outcomes]."),
            NonWaivable: ruleType.IsDefined(typeof(NonWaivableAttribute)),
            RuleType: ruleType);
    }

    private static IReadOnlyList<RuleInfo> Discover() =>
        typeof(RuleCatalogue).Assembly.GetTypes()
            .Where(type => type.IsSubclassOf(typeof(Rule)) && !type.IsAbstract)
            .Select(Describe)
            .OrderBy(rule => rule.Id, StringComparer.Ordinal)
            .ToList();
}
