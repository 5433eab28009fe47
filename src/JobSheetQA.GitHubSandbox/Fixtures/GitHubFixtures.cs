using System.Collections.Concurrent;
using System.Reflection;
using System.Text.Json.Nodes;

namespace JobSheetQA.GitHubSandbox.Fixtures;

/// <summary>GitHub's official example bodies (Fixtures/SOURCE.md), embedded in this assembly.</summary>
public static class GitHubFixtures
{
    public const string WorkflowRun = "workflow-run";
    public const string Job = "job";
    public const string Artifact = "artifact";
    public const string Workflow = "workflow";
    public const string GitRef = "git-ref";
    public const string Branch = "branch-get";
    public const string ActionsSecret = "actions-secret";
    public const string ActionsVariable = "actions-variable";
    public const string InstallationToken = "installation-token";
    public const string Installation = "installation";
    public const string RateLimitOverview = "rate-limit-overview";
    public const string WorkflowDispatchResponse = "workflow-dispatch-response";
    public const string PendingDeployments = "pending-deployment-items";
    public const string CheckAnnotations = "check-annotation-items";
    public const string ContentFile = "content-file-response-if-content-is-a-file";

    private static readonly ConcurrentDictionary<string, string> Texts = new(StringComparer.Ordinal);

    /// <summary>A fresh, mutable copy of the example called <paramref name="name"/> (<c>components/examples/&lt;name&gt;/value</c>).</summary>
    public static JsonNode Load(string name) =>
        JsonNode.Parse(Texts.GetOrAdd(name, Read))
        ?? throw new InvalidOperationException($"Fixture {name} is empty.");

    private static string Read(string name)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream($"Fixtures/{name}.json")
            ?? throw new ArgumentException($"No fixture named '{name}'.", nameof(name));
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
