namespace JobSheetQA.GitHubSandbox.Simulation;

/// <summary>An uploaded artifact at one moment.</summary>
internal sealed record ArtifactView(
    long Id,
    string Name,
    RunSnapshot Run,
    DateTimeOffset CreatedAt,
    DateTimeOffset ExpiresAt,
    bool Expired,
    byte[] Zip);
