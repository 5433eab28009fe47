namespace JobSheetQA.Bot.GitHub.Client;

/// <summary><c>GET /repos/{o}/{r}/environments/{env}/variables/{name}</c> (not in Octokit 14).</summary>
public sealed class EnvironmentVariableResponse
{
    public string Name { get; set; } = string.Empty;

    public string? Value { get; set; }
}
