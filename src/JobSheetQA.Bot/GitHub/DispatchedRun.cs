namespace JobSheetQA.Bot.GitHub;

/// <summary>The workflow run a promotion dispatch created.</summary>
/// <param name="RunId">The run id to track.</param>
/// <param name="HtmlUrl">The run's page, when known.</param>
/// <param name="Source">Whether the id came from the dispatch answer or the correlation search.</param>
public sealed record DispatchedRun(long RunId, string? HtmlUrl, RunIdSource Source);
