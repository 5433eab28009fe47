namespace JobSheetQA.Bot.GitHub;

/// <summary>One job of a run's latest attempt.</summary>
/// <param name="Id">The job id.</param>
/// <param name="Name">As GitHub shows it: the job's <c>name:</c>, <c>Name (a, b)</c> for a matrix, <c>caller / Name</c> for a reusable workflow.</param>
/// <param name="Status">queued, in_progress, completed, waiting or pending.</param>
/// <param name="Conclusion">null until completed.</param>
/// <param name="HtmlUrl">The job's page.</param>
/// <param name="StartedAt">When it started, if it has.</param>
/// <param name="CompletedAt">When it finished, if it has.</param>
public sealed record WorkflowJobSnapshot(
    long Id,
    string Name,
    string Status,
    string? Conclusion,
    string? HtmlUrl,
    DateTimeOffset? StartedAt,
    DateTimeOffset? CompletedAt);
