namespace JobSheetQA.Bot.GitHub.Client;

/// <summary>One Actions variable: <c>GET /repos/{o}/{r}/environments/{env}/variables/{name}</c>, <c>…/actions/variables/{name}</c>,
/// and the items of the organisation variables list (none of them in Octokit 14).</summary>
public sealed class EnvironmentVariableResponse
{
    public string Name { get; set; } = string.Empty;

    public string? Value { get; set; }
}
