namespace JobSheetQA.Bot.GitHub.Client;

/// <summary>A page of <c>GET /repos/{o}/{r}/actions/organization-variables</c>: <c>{"total_count": n, "variables": […]}</c>.</summary>
public sealed class VariableListResponse
{
    public int TotalCount { get; set; }

    public List<EnvironmentVariableResponse> Variables { get; set; } = [];
}
