namespace JobSheetQA.Bot.GitHub;

/// <summary>The API root and repository the gateway works on, resolved from settings (or from the sandbox once it runs).</summary>
/// <param name="BaseAddress">The REST root, always ending in a slash so relative paths combine.</param>
/// <param name="Owner">The repository owner.</param>
/// <param name="Repository">The repository name.</param>
/// <param name="Workflow">The promotion workflow file name.</param>
public sealed record GitHubTarget(Uri BaseAddress, string Owner, string Repository, string Workflow)
{
    public string FullName => $"{Owner}/{Repository}";

    /// <summary>The REST root for a configured <c>GitHub:BaseUrl</c>: api.github.com as given; any other host (GHES,
    /// the sandbox) serves the API under <c>/api/v3/</c>, as Octokit's own <c>GitHubClient</c> assumes.</summary>
    public static Uri ApiRootFor(string baseUrl)
    {
        var uri = new Uri(baseUrl.EndsWith('/') ? baseUrl : baseUrl + "/", UriKind.Absolute);
        if (string.Equals(uri.Host, "api.github.com", StringComparison.OrdinalIgnoreCase)
            || uri.AbsolutePath.EndsWith("/api/v3/", StringComparison.OrdinalIgnoreCase))
        {
            return uri;
        }

        return new Uri(uri, "api/v3/");
    }
}
