using System.Collections.Immutable;
using System.Reflection;

namespace JobSheetQA.GitHubSandbox.State;

/// <summary>
/// What the sandbox repository holds. Immutable: change it with <c>with</c> and
/// <see cref="Control.SandboxControl.SetRepository"/> / <see cref="Control.SandboxControl.UpdateRepository"/>.
/// Files are the same on every branch.
/// </summary>
public sealed record RepositoryState
{
    public const string PromotionWorkflowPath = ".github/workflows/promotion.yml";

    public const string ThresholdsPath = "parity/config/thresholds.json";

    /// <summary>Head of <c>main</c> in the default state (any 40-hex string works).</summary>
    public const string DefaultHeadSha = "9f2c4e1a7b3d5c6e8f0a1b2c3d4e5f60718293a4";

    public string DefaultBranch { get; init; } = "main";

    /// <summary>Branch name → head commit SHA.</summary>
    public ImmutableSortedDictionary<string, string> Branches { get; init; } = ImmutableSortedDictionary<string, string>.Empty;

    /// <summary>Path → text content, at the head of every branch (and at any commit not in <see cref="CommitFiles"/>).</summary>
    public ImmutableSortedDictionary<string, string> Files { get; init; } = ImmutableSortedDictionary<string, string>.Empty;

    /// <summary>Commit SHA → its files, for commits whose tree differs from <see cref="Files"/> (an older commit a deployment
    /// names after the branch moved on); <c>GET …/contents/{path}?ref=&lt;sha&gt;</c> answers from it.</summary>
    public ImmutableSortedDictionary<string, ImmutableSortedDictionary<string, string>> CommitFiles { get; init; } =
        ImmutableSortedDictionary<string, ImmutableSortedDictionary<string, string>>.Empty;

    /// <summary>The files at <paramref name="gitRef"/>: a commit's own tree when it has one, else <see cref="Files"/>.</summary>
    public ImmutableSortedDictionary<string, string> FilesAt(string gitRef) =>
        CommitFiles.TryGetValue(gitRef.ToLowerInvariant(), out var files) ? files : Files;

    /// <summary>State of every workflow: <c>active</c>, <c>disabled_manually</c>, <c>disabled_inactivity</c>….</summary>
    public string WorkflowState { get; init; } = "active";

    /// <summary>Repository Actions secret names.</summary>
    public ImmutableSortedSet<string> Secrets { get; init; } = ImmutableSortedSet<string>.Empty;

    /// <summary>Repository Actions variables (name → value): a job reads them when its environment does not set the name.</summary>
    public ImmutableSortedDictionary<string, string> Variables { get; init; } = ImmutableSortedDictionary<string, string>.Empty;

    /// <summary>The owner organisation's variables shared with this repository (read only through the repository).</summary>
    public ImmutableSortedDictionary<string, string> OrganizationVariables { get; init; } = ImmutableSortedDictionary<string, string>.Empty;

    public ImmutableSortedDictionary<string, EnvironmentState> Environments { get; init; } =
        ImmutableSortedDictionary<string, EnvironmentState>.Empty;

    /// <summary>
    /// The default repository: <c>main</c> at <see cref="DefaultHeadSha"/>, the reference <c>promotion.yml</c> and the
    /// parity thresholds, secrets
    /// <c>MISTRAL_API_KEY</c> and <c>GEMINI_API_KEY</c> (runbook §5.3), environments staging and production with the
    /// read-only posture flags set to <c>false</c> (runbook §4.1).
    /// </summary>
    public static RepositoryState CreateDefault(string? workflowText = null)
    {
        var posture = new EnvironmentState
        {
            Variables = ImmutableSortedDictionary.CreateRange(new Dictionary<string, string>
            {
                ["ENABLE_PURGE_EXECUTION"] = "false",
                ["ENABLE_SCHEDULER"] = "false",
            }),
        };
        return new RepositoryState
        {
            Branches = ImmutableSortedDictionary<string, string>.Empty.Add("main", DefaultHeadSha),
            Files = ImmutableSortedDictionary<string, string>.Empty
                .Add(PromotionWorkflowPath, workflowText ?? DefaultPromotionWorkflow)
                .Add(ThresholdsPath, DefaultThresholds),
            Secrets = ImmutableSortedSet.Create("GEMINI_API_KEY", "MISTRAL_API_KEY"),
            Environments = ImmutableSortedDictionary<string, EnvironmentState>.Empty
                .Add("staging", posture)
                .Add("production", posture),
        };
    }

    /// <summary>The project's reference workflow, <c>docs/reference/promotion.yml</c>, embedded at build time.</summary>
    public static string DefaultPromotionWorkflow { get; } = ReadDefault("promotion.yml");

    /// <summary>The project's default parity thresholds, <c>parity/config/thresholds.json</c>.</summary>
    public static string DefaultThresholds { get; } = ReadDefault("thresholds.json");

    private static string ReadDefault(string name)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("Defaults/" + name)
            ?? throw new InvalidOperationException($"Embedded resource Defaults/{name} is missing.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
