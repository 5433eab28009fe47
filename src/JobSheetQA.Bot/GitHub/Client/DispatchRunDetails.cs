namespace JobSheetQA.Bot.GitHub.Client;

/// <summary>The 200 answer of a dispatch with run details: <c>{workflow_run_id, run_url, html_url}</c>.
/// Octokit's <c>CreateDispatch</c> discards it, hence the raw <c>Connection.Post</c>.</summary>
public sealed class DispatchRunDetails
{
    public long WorkflowRunId { get; set; }

    public string? RunUrl { get; set; }

    public string? HtmlUrl { get; set; }
}
