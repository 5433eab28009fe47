using System.Text.RegularExpressions;
using JobSheetQA.Bot.Tests.Support;

namespace JobSheetQA.Bot.Tests.Architecture;

/// <summary>Comments cite documents a reader of this repository can open: files under <c>docs/</c>, or public specs by URL.</summary>
public sealed partial class CitationTests
{
    [Fact]
    public void Comments_cite_only_documents_in_the_repository()
    {
        var problems = new List<string>();
        foreach (var folder in new[] { "src", "rules", "tests" })
        {
            foreach (var file in SourceLayoutTests.SourceFiles(folder))
            {
                var text = File.ReadAllText(file);
                var name = Path.GetRelativePath(RepositoryRoot.Path, file);
                foreach (Match outside in OutsideDocument().Matches(text))
                    problems.Add($"{name}: cites {outside.Value}, which is not in this repository");
                foreach (Match cited in CitedDocument().Matches(text))
                {
                    if (!File.Exists(Path.Combine(RepositoryRoot.Path, cited.Groups[1].Value)))
                        problems.Add($"{name}: cites {cited.Groups[1].Value}, which does not exist");
                }
            }
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public void Documents_cite_only_documents_in_the_repository()
    {
        var documents = Directory.EnumerateFiles(RepositoryRoot.Path, "*.md", SearchOption.AllDirectories)
            .Where(f => !Path.GetRelativePath(RepositoryRoot.Path, f).Split(Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj" or "node_modules" || part.StartsWith('.')));

        var problems = documents
            .SelectMany(file => OutsideDocument().Matches(File.ReadAllText(file)).Select(outside => $"{Path.GetRelativePath(RepositoryRoot.Path, file)}: cites {outside.Value}, which is not in this repository"))
            .ToList();

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    // The project's private briefs live outside the repository: a reader of the code cannot open them.
    [GeneratedRegex(@"(research/[\w./-]+|\bdesign\.md\b|\banchors\.md\b|\bconventions\.md\b|chat-protocols\.md|github-actions-api\.md)")]
    private static partial Regex OutsideDocument();

    // This repository's own documents: docs/*.md at the top of docs/, named in a comment. (Deeper paths such as
    // docs/evidence/… or parity/reports/… are files of the application repository the bot reads.)
    [GeneratedRegex(@"//.*?\b(docs/[\w-]+\.md)\b")]
    private static partial Regex CitedDocument();
}
