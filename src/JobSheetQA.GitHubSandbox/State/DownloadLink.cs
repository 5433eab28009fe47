namespace JobSheetQA.GitHubSandbox.State;

/// <summary>A short-lived artifact download URL, as the 302 of <c>/actions/artifacts/{id}/zip</c> hands out.</summary>
internal sealed record DownloadLink(long ArtifactId, DateTimeOffset ValidUntil);
