namespace JobSheetQA.GitHubSandbox.State;

/// <summary>A short-lived artifact download URL, as the 302 of <c>/actions/artifacts/{id}/zip</c> hands out.</summary>
/// <param name="Content">What the link serves instead of an artifact's zip (a job's log); null for an artifact.</param>
internal sealed record DownloadLink(long ArtifactId, DateTimeOffset ValidUntil, byte[]? Content = null);
