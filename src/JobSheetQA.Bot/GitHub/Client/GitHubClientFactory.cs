using Microsoft.Extensions.Options;
using Octokit;
using Octokit.Caching;
using Octokit.Internal;

namespace JobSheetQA.Bot.GitHub.Client;

/// <inheritdoc />
internal sealed class GitHubClientFactory(
    IHttpMessageHandlerFactory handlers,
    IGitHubTargetAccessor target,
    IResponseCache responseCache,
    IOptions<GitHubOptions> options) : IGitHubClientFactory
{
    /// <summary>The named <c>HttpClient</c> configuration whose handler chain Octokit sends through.</summary>
    public const string HttpClientName = "JobSheetQA.GitHub";

    private static readonly ProductHeaderValue Product = new("JobSheetQA.Bot", "1.0");

    public IGitHubClient Create(ICredentialStore credentials, bool conditionalRequests)
    {
        ArgumentNullException.ThrowIfNull(credentials);
        // Octokit wraps the handler in its own redirect handler (which drops Authorization on a host change,
        // e.g. the artifact download's 302), so the primary handler must not follow redirects itself.
        var adapter = new HttpClientAdapter(() => handlers.CreateHandler(HttpClientName));
        var connection = new Connection(Product, target.Target.BaseAddress, credentials, adapter, new SimpleJsonSerializer());
        if (conditionalRequests)
        {
            connection.ResponseCache = responseCache;
        }

        var client = new GitHubClient(connection);
        client.SetRequestTimeout(options.Value.RequestTimeout);
        return client;
    }
}
