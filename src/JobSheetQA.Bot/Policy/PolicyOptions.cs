namespace JobSheetQA.Bot.Policy;

/// <summary>Where the promotion policy comes from (configuration section <c>Policy</c>).</summary>
public sealed class PolicyOptions
{
    public const string SectionName = "Policy";

    /// <summary><c>Policy:File</c>: the policy YAML; a relative path is resolved against the app base directory, where the shipped <c>policy.yaml</c> is copied.</summary>
    public string File { get; set; } = "policy.yaml";

    /// <summary>The absolute path of the policy file.</summary>
    public string ResolvePath(string baseDirectory) => Path.GetFullPath(File, baseDirectory);
}
