using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace JobSheetQA.Bot.Channels.Teams.Auth;

/// <summary>
/// One OpenID metadata document and its signing keys, cached: reloaded every 24 hours, and on a token signed with an
/// unknown key id at most once an hour, so a key rotation is picked up without letting forged kids hammer the issuer
/// (https://learn.microsoft.com/en-us/azure/bot-service/rest-api/bot-framework-rest-connector-authentication).
/// </summary>
internal sealed class OpenIdMetadataSource(string url, HttpClient http, TimeProvider time, ILogger logger)
{
    internal static readonly TimeSpan AutomaticRefresh = TimeSpan.FromHours(24);
    internal static readonly TimeSpan UnknownKeyRefresh = TimeSpan.FromHours(1);

    private readonly SemaphoreSlim gate = new(1, 1);
    private OpenIdConnectConfiguration? current;
    private DateTimeOffset loadedAt;
    private DateTimeOffset? lastUnknownKeyRefresh;

    public string Url => url;

    /// <summary>The cached metadata, loading it first when missing or older than a day; null when it cannot be loaded.</summary>
    public async Task<OpenIdConnectConfiguration?> GetAsync(CancellationToken cancellationToken)
    {
        if (current is { } cached && time.GetUtcNow() - loadedAt < AutomaticRefresh)
            return cached;

        await gate.WaitAsync(cancellationToken);
        try
        {
            if (current is null || time.GetUtcNow() - loadedAt >= AutomaticRefresh)
                await LoadAsync(cancellationToken);
            return current;
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>
    /// Reloads because a token named a key id the cached keys lack; returns the new metadata, or null when a reload
    /// for that reason already happened within the hour (or failed).
    /// </summary>
    public async Task<OpenIdConnectConfiguration?> RefreshForUnknownKeyAsync(CancellationToken cancellationToken)
    {
        await gate.WaitAsync(cancellationToken);
        try
        {
            var now = time.GetUtcNow();
            if (lastUnknownKeyRefresh is { } last && now - last < UnknownKeyRefresh)
                return null;
            lastUnknownKeyRefresh = now;
            return await LoadAsync(cancellationToken) ? current : null;
        }
        finally
        {
            gate.Release();
        }
    }

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        try
        {
            // Plain http is accepted only for loopback addresses (validated at start-up): test rigs on 127.0.0.1.
            var retriever = new HttpDocumentRetriever(http) { RequireHttps = !new Uri(url).IsLoopback };
            var configuration = await OpenIdConnectConfigurationRetriever.GetAsync(url, retriever, cancellationToken);
            current = configuration;
            loadedAt = time.GetUtcNow();
            TeamsLog.MetadataLoaded(logger, url, configuration.SigningKeys.Count);
            return true;
        }
        // The retriever wraps network and parse errors in several exception types; any of them means "no keys now".
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            TeamsLog.MetadataFailed(logger, url, exception.Message);
            return false;
        }
    }
}
