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
        foreach (var rule in rules)
        {
            table.AppendLine(
                $"| `{rule.Id}` | {rule.RuleSet} | {rule.RunbookSection} | {string.Join(", ", rule.Outcomes.Select(Describe))} " +
                $"| {(rule.NonWaivable ? "yes" : "")} | {rule.Description} |");
        }

        return table.ToString();
    }

    public static string Describe(FindingOutcome outcome) => outcome switch
    {
        FindingOutcome.Deny => "deny",
        FindingOutcome.RequireAcknowledgement => "require acknowledgement",
        FindingOutcome.Warn => "warn",
        _ => throw new ArgumentOutOfRangeException(nameof(outcome), outcome, null),
    };
}
