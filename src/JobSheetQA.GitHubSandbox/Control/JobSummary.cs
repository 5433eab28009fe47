namespace JobSheetQA.GitHubSandbox.Control;

/// <summary>A job of a run, now.</summary>
public sealed record JobSummary(long Id, string Name, string Status, string? Conclusion, string? FailureMessage);
