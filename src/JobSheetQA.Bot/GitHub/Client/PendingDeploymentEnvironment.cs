namespace JobSheetQA.Bot.GitHub.Client;

/// <summary>The environment of a pending deployment.</summary>
public sealed class PendingDeploymentEnvironment
{
    public long Id { get; set; }

    public string? Name { get; set; }
}
