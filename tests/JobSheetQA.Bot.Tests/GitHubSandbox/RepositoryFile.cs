using System.Reflection;

namespace JobSheetQA.Bot.Tests.GitHubSandbox;

/// <summary>Reads a file of this repository (the test assembly carries the repository root).</summary>
internal static class RepositoryFile
{
    public static string ReadText(string relativePath)
    {
        var root = typeof(RepositoryFile).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(a => a.Key == "RepositoryRoot").Value!;
        return File.ReadAllText(Path.Combine(root, relativePath));
    }
}
