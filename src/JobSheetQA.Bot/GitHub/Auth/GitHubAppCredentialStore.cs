using JobSheetQA.Bot.GitHub.Client;
using Microsoft.Extensions.Logging;
using Octokit;
using Octokit.Internal;

namespace JobSheetQA.Bot.GitHub.Auth;

/// <summary>Installation-token credentials for a GitHub App. Octokit reads this store on every request; the token
/// is cached and exchanged again about five minutes before its <c>expires_at</c>
/// (https://docs.github.com/en/apps/creating-github-apps/authenticating-with-a-github-app/generating-an-installation-access-token-for-a-github-app).</summary>
public sealed class GitHubAppCredentialStore : ICredentialStore, IDisposable
{
    internal static readonly TimeSpan RefreshBeforeExpiry = TimeSpan.FromMinutes(5);

    private readonly GitHubAppJwtFactory jwt;
    private readonly IGitHubClientFactory clients;
    private readonly IGitHubTargetAccessor target;
    private readonly TimeProvider timeProvider;
    private readonly ILogger logger;
    private readonly SemaphoreSlim refresh = new(1, 1);
    private long? installationId;
    private AccessToken? token;

    public GitHubAppCredentialStore(
        GitHubAppJwtFactory jwt,
        long? installationId,
        IGitHubClientFactory clients,
        IGitHubTargetAccessor target,
        TimeProvider timeProvider,
        ILogger<GitHubAppCredentialStore> logger)
    {
        this.jwt = jwt;
        this.installationId = installationId;
        this.clients = clients;
        this.target = target;
        this.timeProvider = timeProvider;
        this.logger = logger;
    }

    /// <summary>When the cached installation token expires; null before the first exchange.</summary>
    public DateTimeOffset? TokenExpiresAt => token?.ExpiresAt;

    public async Task<Credentials> GetCredentials()
    {
        var token = this.token;
        if (IsFresh(token))
        {
            return new Credentials(token!.Token);
        }

        await refresh.WaitAsync();
        try
        {
            token = this.token;
            if (!IsFresh(token))
            {
                token = await ExchangeAsync();
                this.token = token;
                GitHubLog.InstallationTokenIssued(logger, installationId ?? 0, token.ExpiresAt);
            }

            return new Credentials(token!.Token);
        }
        finally
        {
            refresh.Release();
        }
    }

    private bool IsFresh(AccessToken? token) =>
        token is not null && timeProvider.GetUtcNow() < token.ExpiresAt - RefreshBeforeExpiry;

    private async Task<AccessToken> ExchangeAsync()
    {
        var app = clients.Create(new InMemoryCredentialStore(new Credentials(jwt.CreateToken(), AuthenticationType.Bearer)), conditionalRequests: false);
        var target = this.target.Target;
        try
        {
            installationId ??= (await app.GitHubApps.GetRepositoryInstallationForCurrent(target.Owner, target.Repository)).Id;
            return await app.GitHubApps.CreateInstallationToken(installationId.Value);
        }
        catch (AuthorizationException ex)
        {
            throw new GitHubCredentialException(
                "GitHub rejected the GitHub App's JWT (401); check GitHub:App:AppId and GitHub:App:PrivateKey, and that this machine's clock is right.", ex);
        }
        catch (NotFoundException ex)
        {
            throw new GitHubCredentialException(
                installationId is null
                    ? $"The GitHub App is not installed on {target.FullName}; install it there or set GitHub:App:InstallationId."
                    : $"GitHub App installation {installationId} was not found; check GitHub:App:InstallationId.", ex);
        }
        catch (ForbiddenException ex) when (ex is not RateLimitExceededException and not SecondaryRateLimitExceededException)
        {
            throw new GitHubCredentialException(
                $"GitHub refused an installation token for installation {installationId} (403): {ex.Message}", ex);
        }
    }

    public void Dispose()
    {
        refresh.Dispose();
        jwt.Dispose();
    }
}
