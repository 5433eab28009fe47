namespace JobSheetQA.Bot.GitHub.Client;

/// <summary><c>GET /repos/{o}/{r}/environments/{env}/secrets/{name}</c> (not in Octokit 14): the name and dates, never a value.</summary>
public sealed class EnvironmentSecretResponse
{
    public string Name { get; set; } = string.Empty;
}
