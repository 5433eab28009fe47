using JobSheetQA.Rules.Catalogue;
using JobSheetQA.Rules.Tests.Support;

namespace JobSheetQA.Rules.Tests.Catalogue;

/// <summary>docs/policy.md publishes the rule catalogue; these tests keep it from drifting away from the code.</summary>
public sealed class PublishedCatalogueTests
{
    [Fact]
    public void Docs_policy_md_lists_exactly_the_rules_in_the_code()
    {
        var document = RepositoryFiles.Read("docs/policy.md").ReplaceLineEndings("\n");
        var start = document.IndexOf(CatalogueMarkdown.StartMarker, StringComparison.Ordinal);
        var end = document.IndexOf(CatalogueMarkdown.EndMarker, StringComparison.Ordinal);
        Assert.True(start >= 0 && end > start, "docs/policy.md must hold the catalogue between its start and end markers.");

        var published = document[(start + CatalogueMarkdown.StartMarker.Length)..end].Trim();
        var expected = CatalogueMarkdown.RenderTable(RuleCatalogue.All).ReplaceLineEndings("\n").Trim();

        // On failure the message carries the table to paste into docs/policy.md.
        Assert.True(published == expected, $"docs/policy.md's catalogue is out of date. Expected:\n{expected}");
    }

    [Fact]
    public void Every_rule_id_in_the_code_has_its_own_section_in_docs_policy_md()
    {
        var document = RepositoryFiles.Read("docs/policy.md");

        var missing = RuleCatalogue.All.Where(rule => !document.Contains($"### {rule.Id}", StringComparison.Ordinal)).Select(r => r.Id).ToList();

        Assert.Empty(missing);
    }
}
