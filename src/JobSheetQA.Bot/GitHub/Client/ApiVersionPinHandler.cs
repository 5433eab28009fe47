namespace JobSheetQA.Bot.GitHub.Client;

/// <summary>Sends <c>X-GitHub-Api-Version: 2026-03-10</c> on workflow dispatch POSTs only, so GitHub answers 200 with
/// the run id; every other request keeps Octokit's default version (src/JobSheetQA.Bot/GitHub/README.md, "Dispatch and
/// the run id"; https://docs.github.com/en/rest/about-the-rest-api/api-versions).</summary>
public sealed class ApiVersionPinHandler : DelegatingHandler
{
    public const string HeaderName = "X-GitHub-Api-Version";

    public const string DispatchApiVersion = "2026-03-10";

    private static readonly AsyncLocal<bool> Suppressed = new();

    /// <summary>Within the returned scope dispatches go out unpinned: the legacy retry for servers (GHES ≤ 3.20)
    /// that reject the newer version or the <c>return_run_details</c> field.</summary>
    public static IDisposable SuppressForCurrentFlow()
    {
        Suppressed.Value = true;
        return new Restore();
    }

    internal static bool IsDispatch(HttpRequestMessage request) =>
        request.Method == HttpMethod.Post
        && request.RequestUri is { } uri
        && uri.AbsolutePath.TrimEnd('/').EndsWith("/dispatches", StringComparison.Ordinal);

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (IsDispatch(request) && !Suppressed.Value)
        {
            request.Headers.Remove(HeaderName);
            request.Headers.TryAddWithoutValidation(HeaderName, DispatchApiVersion);
        }

        return base.SendAsync(request, cancellationToken);
    }

    private sealed class Restore : IDisposable
    {
        public void Dispose() => Suppressed.Value = false;
    }
}
