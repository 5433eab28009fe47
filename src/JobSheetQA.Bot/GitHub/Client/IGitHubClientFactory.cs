using Octokit;

namespace JobSheetQA.Bot.GitHub.Client;

/// <summary>Builds Octokit clients on the <c>IHttpClientFactory</c> pipeline (<see cref="GitHubClientFactory.HttpClientName"/>),
/// which carries <see cref="ApiVersionPinHandler"/>.</summary>
public interface IGitHubClientFactory
{
    /// <param name="credentials">Read on every request, so a refreshed installation token is picked up.</param>
    /// <param name="conditionalRequests">True to send <c>If-None-Match</c> from the shared ETag cache.</param>
    IGitHubClient Create(ICredentialStore credentials, bool conditionalRequests);
}
