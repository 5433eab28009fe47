using Microsoft.Extensions.Options;
using Microsoft.Identity.Client;
using Microsoft.Identity.Client.AppConfig;

namespace JobSheetQA.Bot.Channels.Teams.Auth;

/// <summary>
/// The bearer token the bot sends to the Bot Connector
/// (https://learn.microsoft.com/en-us/azure/bot-service/rest-api/bot-framework-rest-connector-authentication):
/// client credentials for the app id and secret (tenant <c>botframework.com</c> for MultiTenant, the bot's tenant for
/// SingleTenant) or the user-assigned managed identity. MSAL keeps the token in memory and fetches a new one when less than 5 minutes remain.
/// Anonymous (no app id, Development) has no token.
/// </summary>
public sealed class BotConnectorTokenProvider
{
    private const string MultiTenantAuthorityTenant = "botframework.com";

    private readonly BotCredentialsOptions credentials;
    private readonly Lazy<IConfidentialClientApplication>? confidential;
    private readonly Lazy<IManagedIdentityApplication>? managedIdentity;
    private readonly string scope;

    public BotConnectorTokenProvider(IOptions<BotCredentialsOptions> credentials, IOptions<TeamsOptions> options, IHttpClientFactory httpClients)
    {
        this.credentials = credentials.Value;
        scope = options.Value.TokenScope;
        if (this.credentials.IsAnonymous)
            return;

        var msalHttp = new MsalHttpClientFactory(httpClients);
        var appId = this.credentials.MicrosoftAppId!;
        if (this.credentials.MicrosoftAppType == BotAppType.UserAssignedMSI)
        {
            managedIdentity = new Lazy<IManagedIdentityApplication>(() => ManagedIdentityApplicationBuilder
                .Create(ManagedIdentityId.WithUserAssignedClientId(appId))
                .WithHttpClientFactory(msalHttp)
                .Build());
            return;
        }

        var tenant = this.credentials.MicrosoftAppType == BotAppType.SingleTenant ? this.credentials.MicrosoftAppTenantId! : MultiTenantAuthorityTenant;
        var authority = $"{options.Value.TokenAuthorityHost.TrimEnd('/')}/{tenant}";
        confidential = new Lazy<IConfidentialClientApplication>(() => ConfidentialClientApplicationBuilder
            .Create(appId)
            .WithClientSecret(this.credentials.MicrosoftAppPassword)
            // The authority is a setting (sovereign clouds, test rigs): use it as given, without asking Entra to vouch for it.
            .WithAuthority(authority, validateAuthority: false)
            .WithInstanceDiscovery(false)
            .WithHttpClientFactory(msalHttp)
            .Build());
    }

    /// <summary>A current token, from MSAL's cache when it has more than 5 minutes left; null when the bot is anonymous.</summary>
    /// <exception cref="MsalException">Entra refused or could not be reached.</exception>
    public async Task<string?> GetTokenAsync(CancellationToken cancellationToken)
    {
        if (confidential is not null)
            return (await confidential.Value.AcquireTokenForClient([scope]).ExecuteAsync(cancellationToken)).AccessToken;
        if (managedIdentity is not null)
        {
            // Managed identity takes a resource, not a scope.
            var resource = scope.EndsWith("/.default", StringComparison.Ordinal) ? scope[..^"/.default".Length] : scope;
            return (await managedIdentity.Value.AcquireTokenForManagedIdentity(resource).ExecuteAsync(cancellationToken)).AccessToken;
        }

        return null;
    }
}
