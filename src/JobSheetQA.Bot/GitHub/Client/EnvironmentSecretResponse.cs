namespace JobSheetQA.Bot.GitHub.Client;

/// <summary><c>GET /repos/{o}/{r}/environments/{env}/secrets/{name}</c> (not in Octokit 14) and <c>GET /repos/{o}/{r}/actions/secrets/{name}</c>
/// (read raw so the name is escaped): the name and dates, never a value.</summary>
public sealed class EnvironmentSecretResponse
{
    public string Name { get; set; } = string.Empty;
}
