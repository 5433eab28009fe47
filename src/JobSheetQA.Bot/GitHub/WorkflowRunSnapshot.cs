namespace JobSheetQA.Bot.GitHub;

/// <summary>A workflow run as GitHub reports it now.</summary>
/// <param name="Id">The run id.</param>
/// <param name="Status">requested, queued, in_progress, waiting, pending or completed.</param>
/// <param name="Conclusion">null until completed; then success, failure, cancelled, skipped, timed_out, action_required, neutral, stale or startup_failure.</param>
/// <param name="HtmlUrl">The run's page.</param>
/// <param name="HeadSha">The commit the run is for.</param>
/// <param name="DisplayTitle">The run title (<c>run-name</c>), which carries the correlation id.</param>
/// <param name="RunAttempt">1 for the first attempt; re-runs increase it.</param>
/// <param name="CreatedAt">When the run was created.</param>
/// <param name="UpdatedAt">When GitHub last changed it; job polling only needs repeating when this moves.</param>
public sealed record WorkflowRunSnapshot(
    long Id,
    string Status,
    string? Conclusion,
    string HtmlUrl,
    string HeadSha,
    string DisplayTitle,
    long RunAttempt,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt)
{
    public bool IsCompleted => Status == "completed";

    public bool Succeeded => IsCompleted && Conclusion == "success";

    /// <summary>An environment review (required reviewers, wait timer) holds the run (see pending deployments).</summary>
    public bool IsWaiting => Status == "waiting";
}
