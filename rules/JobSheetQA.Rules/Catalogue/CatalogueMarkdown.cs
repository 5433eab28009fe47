using System.Text;
using JobSheetQA.Rules.Decisions;

namespace JobSheetQA.Rules.Catalogue;

/// <summary>Renders the rule catalogue as the markdown table published in <c>docs/policy.md</c>.</summary>
public static class CatalogueMarkdown
{
    public const string StartMarker = "<!-- catalogue:start (generated from the rule classes; a test keeps it in step) -->";
    public const string EndMarker = "<!-- catalogue:end -->";

    public static string RenderTable(IEnumerable<RuleInfo> rules)
    {
        var table = new StringBuilder();
        table.AppendLine("| id | rule set | runbook | outcomes | non-waivable | rule |");
        table.AppendLine("|---|---|---|---|---|---|");
        var setOrder = RuleSets.Promotion.Append(RuleSets.WriteWindow).ToList();
        foreach (var rule in rules.OrderBy(r => setOrder.IndexOf(r.RuleSet)).ThenBy(r => r.Id, StringComparer.Ordinal))
        {
            table.AppendLine(
                $"| `{rule.Id}` | {rule.RuleSet} | {rule.RunbookSection} | {string.Join(", ", rule.Outcomes.Select(Describe))} " +
                $"| {(rule.NonWaivable ? "yes" : "")} | {Cell(rule.Description)} |");
        }

        return table.ToString();
    }

    // A literal pipe (as in "|| true") would end the table cell.
    private static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal);

    public static string Describe(FindingOutcome outcome) => outcome switch
    {
        FindingOutcome.Deny => "deny",
        FindingOutcome.RequireAcknowledgement => "require acknowledgement",
        FindingOutcome.Warn => "warn",
        _ => throw new ArgumentOutOfRangeException(nameof(outcome), outcome, null),
    };
}
