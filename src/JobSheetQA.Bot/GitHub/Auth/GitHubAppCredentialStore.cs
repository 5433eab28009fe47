using Microsoft.Extensions.Logging;
using Octokit;
using Octokit.Internal;
using JobSheetQA.Bot.GitHub.Client;

namespace JobSheetQA.Bot.GitHub.Auth;

/// <summary>Installation-token credentials for a GitHub App. Octokit reads this store on every request; the token
/// is cached and exchanged again about five minutes before its <c>expires_at</c> (research brief §5).</summary>
public sealed class GitHubAppCredentialStore : ICredentialStore, IDisposable
{
    internal static readonly TimeSpan RefreshBeforeExpiry = TimeSpan.FromMinutes(5);

    private readonly GitHubAppJwtFactory _jwt;
    private readonly IGitHubClientFactory _clients;
    private readonly IGitHubTargetAccessor _target;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _refresh = new(1, 1);
    private long? _installationId;
    private AccessToken? _token;

    public GitHubAppCredentialStore(
        GitHubAppJwtFactory jwt,
        long? installationId,
        IGitHubClientFactory clients,
        IGitHubTargetAccessor target,
        TimeProvider timeProvider,
        ILogger<GitHubAppCredentialStore> logger)
    {
        _jwt = jwt;
        _installationId = installationId;
        _clients = clients;
        _target = target;
        _timeProvider = timeProvider;
        _logger = logger;
    }

    /// <summary>When the cached installation token expires; null before the first exchange.</summary>
    public DateTimeOffset? TokenExpiresAt => _token?.ExpiresAt;

    public async Task<Credentials> GetCredentials()
    {
        var token = _token;
        if (IsFresh(token))
        {
            return new Credentials(token!.Token);
        }

        await _refresh.WaitAsync().ConfigureAwait(false);
        try
        {
            token = _token;
            if (!IsFresh(token))
            {
                token = await ExchangeAsync().ConfigureAwait(false);
                _token = token;
                GitHubLog.InstallationTokenIssued(_logger, _installationId ?? 0, token.ExpiresAt);
            }

            return new Credentials(token!.Token);
        }
        finally
        {
            _refresh.Release();
        }
    }

    private bool IsFresh(AccessToken? token) =>
        token is not null && _timeProvider.GetUtcNow() < token.ExpiresAt - RefreshBeforeExpiry;

    private async Task<AccessToken> ExchangeAsync()
    {
        var app = _clients.Create(new InMemoryCredentialStore(new Credentials(_jwt.CreateToken(), AuthenticationType.Bearer)), conditionalRequests: false);
        var target = _target.Target;
        try
        {
            _installationId ??= (await app.GitHubApps.GetRepositoryInstallationForCurrent(target.Owner, target.Repository).ConfigureAwait(false)).Id;
            return await app.GitHubApps.CreateInstallationToken(_installationId.Value).ConfigureAwait(false);
        }
        catch (AuthorizationException ex)
        {
            throw new GitHubCredentialException(
                "GitHub rejected the GitHub App's JWT (401); check GitHub:App:AppId and GitHub:App:PrivateKey, and that this machine's clock is right.", ex);
        }
        catch (NotFoundException ex)
        {
            throw new GitHubCredentialException(
                _installationId is null
                    ? $"The GitHub App is not installed on {target.FullName}; install it there or set GitHub:App:InstallationId."
                    : $"GitHub App installation {_installationId} was not found; check GitHub:App:InstallationId.", ex);
        }
        catch (ForbiddenException ex) when (ex is not RateLimitExceededException and not SecondaryRateLimitExceededException)
        {
            throw new GitHubCredentialException(
                $"GitHub refused an installation token for installation {_installationId} (403): {ex.Message}", ex);
        }
    }

    public void Dispose()
    {
        _refresh.Dispose();
        _jwt.Dispose();
    }
}
