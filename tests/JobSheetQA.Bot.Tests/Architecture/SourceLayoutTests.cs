using System.Text.RegularExpressions;
using JobSheetQA.Bot.Tests.Support;

namespace JobSheetQA.Bot.Tests.Architecture;

/// <summary>
/// Folders are the architecture: a file's namespace is its folder, and chat handlers live under <c>Chat/Handlers/</c>.
/// </summary>
public sealed partial class SourceLayoutTests
{
    private static readonly (string Folder, string Namespace)[] Projects =
    [
        ("src/JobSheetQA.Bot", "JobSheetQA.Bot"),
        ("src/JobSheetQA.GitHubSandbox", "JobSheetQA.GitHubSandbox"),
        ("rules/JobSheetQA.Rules", "JobSheetQA.Rules"),
        ("tests/JobSheetQA.Bot.Tests", "JobSheetQA.Bot.Tests"),
        ("tests/JobSheetQA.Rules.Tests", "JobSheetQA.Rules.Tests"),
        ("tests/JobSheetQA.Benchmarks", "JobSheetQA.Benchmarks"),
    ];

    [Fact]
    public void Every_file_declares_the_namespace_of_its_folder()
    {
        var wrong = new List<string>();
        foreach (var (folder, root) in Projects)
        {
            foreach (var file in SourceFiles(folder))
            {
                var declared = NamespaceDeclaration().Match(File.ReadAllText(file));
                if (!declared.Success)
                    continue;
                var relative = Path.GetRelativePath(Path.Combine(RepositoryRoot.Path, folder), Path.GetDirectoryName(file)!);
                var expected = relative == "." ? root : $"{root}.{relative.Replace(Path.DirectorySeparatorChar, '.')}";
                if (declared.Groups[1].Value != expected)
                    wrong.Add($"{Path.GetRelativePath(RepositoryRoot.Path, file)}: namespace {declared.Groups[1].Value}, folder says {expected}");
            }
        }

        Assert.True(wrong.Count == 0, string.Join("\n", wrong));
    }

    [Fact]
    public void Chat_handlers_are_written_only_under_Chat_Handlers()
    {
        var handlers = new List<string>();
        foreach (var file in SourceFiles("src"))
        {
            if (HandlerDeclaration().IsMatch(File.ReadAllText(file)))
                handlers.Add(Path.GetRelativePath(RepositoryRoot.Path, file).Replace(Path.DirectorySeparatorChar, '/'));
        }

        Assert.NotEmpty(handlers);
        Assert.All(handlers, file => Assert.StartsWith("src/JobSheetQA.Bot/Chat/Handlers/", file));
    }

    [Fact]
    public void Routes_are_mapped_only_in_an_Area_Endpoints_file_by_its_MapAreaEndpoints()
    {
        var wrong = new List<string>();
        foreach (var file in SourceFiles("src/JobSheetQA.Bot"))
        {
            var text = File.ReadAllText(file);
            var name = Path.GetFileNameWithoutExtension(file);
            var relative = Path.GetRelativePath(RepositoryRoot.Path, file);
            if (RouteMapping().IsMatch(text) && !name.EndsWith("Endpoints", StringComparison.Ordinal))
                wrong.Add($"{relative} maps routes, but only <Area>Endpoints.cs files do");
            foreach (Match map in MapExtension().Matches(text))
            {
                if (map.Groups[1].Value != $"Map{name}")
                    wrong.Add($"{relative} declares {map.Groups[1].Value}, the file's name says Map{name}");
            }
        }

        Assert.True(wrong.Count == 0, string.Join("\n", wrong));
    }

    internal static IEnumerable<string> SourceFiles(string folder) =>
        Directory.EnumerateFiles(Path.Combine(RepositoryRoot.Path, folder), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal));

    [GeneratedRegex(@"^namespace ([\w.]+);", RegexOptions.Multiline)]
    private static partial Regex NamespaceDeclaration();

    // ASP.NET Core's ways of putting a route on the host (minimal APIs, health checks, Prometheus, the Hangfire dashboard).
    [GeneratedRegex(@"\.Map(Get|Post|Put|Patch|Delete|Methods|Group|HealthChecks|PrometheusScrapingEndpoint|HangfireDashboard\w*)\(")]
    private static partial Regex RouteMapping();

    [GeneratedRegex(@"public static \w+ (Map\w*)\(this IEndpointRouteBuilder")]
    private static partial Regex MapExtension();

    // A class that answers chat: a command handler (directly or through the generic base), a form or a text handler.
    [GeneratedRegex(@"class \w+(\([^)]*\))?\s*:[^{]*\b(ChatCommandHandler<|IChatCommandHandler\b|IChatFormHandler\b|IChatTextHandler\b)")]
    private static partial Regex HandlerDeclaration();
}
