using JobSheetQA.Rules.Decisions;

namespace JobSheetQA.Rules.Tests.Support;

/// <summary>Reads a decision the way the assertions need it.</summary>
public static class DecisionInspection
{
    /// <summary>The rule ids that raised a finding, for exact-set assertions.</summary>
    public static IReadOnlyList<string> RuleIds(this Decision decision) =>
        decision.Findings.Select(f => f.RuleId).Distinct().Order(StringComparer.Ordinal).ToList();

    public static Finding Single(this Decision decision, string ruleId) =>
        Assert.Single(decision.Findings, f => f.RuleId == ruleId);

    public static string Fact(this Finding finding, string name) =>
        Assert.Single(finding.Facts, fact => fact.Key == name).Value;
}
