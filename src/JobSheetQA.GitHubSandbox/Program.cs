using JobSheetQA.GitHubSandbox.Hosting;

namespace JobSheetQA.GitHubSandbox;

/// <summary>Standalone entry point: <c>dotnet run --project src/JobSheetQA.GitHubSandbox</c> (README.md).</summary>
public static class Program
{
    public static void Main(string[] args) => SandboxHost.RunStandalone(args);
}
