using System.Collections;
using System.Text.Json;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace JobSheetQA.Bot.Channels.Teams.Auth;

/// <summary>
/// Checks the bearer token on an inbound activity the way the Bot Framework SDKs do
/// (https://learn.microsoft.com/en-us/azure/bot-service/rest-api/bot-framework-rest-connector-authentication):
/// the issuer picks the path (Bot Framework or Entra), the signature must verify with a published RS256/384/512 key,
/// the token must be addressed to this bot and be current within 5 minutes, the key must be endorsed for the activity's
/// channel, and a Bot Framework token must name the activity's serviceUrl. With no app id (Development only, enforced at
/// start-up) every caller is accepted, as the SDKs do.
/// </summary>
public sealed class BotFrameworkAuthenticator
{
    internal static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(5);
    private static readonly string[] Algorithms = [SecurityAlgorithms.RsaSha256, SecurityAlgorithms.RsaSha384, SecurityAlgorithms.RsaSha512];

    private readonly BotCredentialsOptions credentials;
    private readonly TeamsOptions options;
    private readonly OpenIdMetadataSource botFrameworkMetadata;
    private readonly OpenIdMetadataSource entraMetadata;
    private readonly IReadOnlyDictionary<string, string> entraIssuers;
    private readonly JsonWebTokenHandler handler = new() { MapInboundClaims = false };
    private readonly ILogger<BotFrameworkAuthenticator> logger;

    public BotFrameworkAuthenticator(
        IOptions<BotCredentialsOptions> credentials, IOptions<TeamsOptions> options, IHttpClientFactory httpClients, TimeProvider time,
        ILogger<BotFrameworkAuthenticator> logger)
    {
        this.credentials = credentials.Value;
        this.options = options.Value;
        this.logger = logger;
        var http = httpClients.CreateClient(TeamsHttpClients.Metadata);
        botFrameworkMetadata = new OpenIdMetadataSource(this.options.BotFrameworkOpenIdMetadataUrl, http, time, logger);
        entraMetadata = new OpenIdMetadataSource(this.options.EntraOpenIdMetadataUrl, http, time, logger);
        entraIssuers = EntraIssuers.For(this.credentials.MicrosoftAppTenantId);
    }

    /// <param name="authorization">The request's <c>Authorization</c> header values.</param>
    /// <param name="channelId">The activity's <c>channelId</c> (endorsement check).</param>
    /// <param name="serviceUrl">The activity's <c>serviceUrl</c> (must equal the token's <c>serviceurl</c> claim).</param>
    public async Task<InboundAuthentication> AuthenticateAsync(
        StringValues authorization, string? channelId, string? serviceUrl, CancellationToken cancellationToken)
    {
        if (credentials.IsAnonymous)
        {
            TeamsLog.AnonymousAccepted(logger);
            return InboundAuthentication.Anonymous;
        }

        var result = await CheckAsync(authorization, channelId, serviceUrl, cancellationToken);
        if (!result.Succeeded)
            TeamsLog.Unauthenticated(logger, result.Failure!);
        return result;
    }

    private async Task<InboundAuthentication> CheckAsync(StringValues authorization, string? channelId, string? serviceUrl, CancellationToken cancellationToken)
    {
        if (authorization.Count != 1 || string.IsNullOrEmpty(authorization[0]))
            return InboundAuthentication.Fail("no Authorization header");
        var parts = authorization[0]!.Split(' ');
        if (parts.Length != 2 || parts[0] != "Bearer" || parts[1].Length == 0)
            return InboundAuthentication.Fail("Authorization is not 'Bearer <token>'");

        JsonWebToken unverified;
        try
        {
            unverified = handler.ReadJsonWebToken(parts[1]);
        }
        catch (ArgumentException)
        {
            return InboundAuthentication.Fail("the bearer token is not a JWT");
        }

        // The (unverified) issuer only picks which keys and rules apply; the signature check below pins it.
        var issuer = unverified.Issuer;
        OpenIdMetadataSource metadata;
        string? entraTenant = null;
        if (issuer == TeamsOptions.BotFrameworkIssuer)
            metadata = botFrameworkMetadata;
        else if (options.AcceptEntraTokens && entraIssuers.TryGetValue(issuer, out var tenant))
        {
            metadata = entraMetadata;
            entraTenant = tenant;
        }
        else
            return InboundAuthentication.Fail($"untrusted issuer '{issuer}'");

        var configuration = await metadata.GetAsync(cancellationToken);
        if (configuration is null)
            return InboundAuthentication.Fail($"signing keys unavailable ({metadata.Url})");

        var validation = await ValidateAsync(parts[1], issuer, configuration);
        if (validation.Exception is SecurityTokenSignatureKeyNotFoundException && await metadata.RefreshForUnknownKeyAsync(cancellationToken) is { } refreshed)
        {
            configuration = refreshed;
            validation = await ValidateAsync(parts[1], issuer, configuration);
        }

        if (!validation.IsValid)
            return InboundAuthentication.Fail($"token rejected: {validation.Exception?.GetType().Name ?? "invalid"}");

        var token = (JsonWebToken)validation.SecurityToken;
        if (!IsEndorsed(configuration, token.Kid, channelId))
            return InboundAuthentication.Fail($"the signing key is not endorsed for channel '{channelId}'");

        var claimedServiceUrl = Claim(token, "serviceurl");
        if (entraTenant is null && claimedServiceUrl is null)
            return InboundAuthentication.Fail("the token has no serviceurl claim");
        if (claimedServiceUrl is not null && !string.Equals(claimedServiceUrl, serviceUrl, StringComparison.OrdinalIgnoreCase))
            return InboundAuthentication.Fail("the token's serviceurl claim does not match the activity's serviceUrl");

        return entraTenant is null ? InboundAuthentication.Authenticated : CheckEntraClaims(token, entraTenant);
    }

    private Task<TokenValidationResult> ValidateAsync(string token, string issuer, OpenIdConnectConfiguration configuration) =>
        handler.ValidateTokenAsync(token, new TokenValidationParameters
        {
            ValidIssuer = issuer,
            ValidAudience = credentials.MicrosoftAppId,
            ValidAlgorithms = Algorithms,
            IssuerSigningKeys = configuration.SigningKeys,
            // A token must name its key; trying every published key would hide a wrong kid.
            TryAllIssuerSigningKeys = false,
            RequireSignedTokens = true,
            RequireExpirationTime = true,
            ValidateLifetime = true,
            ClockSkew = ClockSkew,
        });

    /// <summary>Entra tokens: the tenant claim matches the issuer's, and the app claim for the token version names this bot
    /// (docs/protocol-conformance.md C1.7).</summary>
    private InboundAuthentication CheckEntraClaims(JsonWebToken token, string issuerTenant)
    {
        if (!string.Equals(Claim(token, "tid"), issuerTenant, StringComparison.OrdinalIgnoreCase))
            return InboundAuthentication.Fail("the token's tid does not match its issuer's tenant");

        var appClaim = Claim(token, "ver") switch
        {
            "1.0" => "appid",
            "2.0" => "azp",
            _ => null,
        };
        if (appClaim is null)
            return InboundAuthentication.Fail("the Entra token's ver is missing or not 1.0/2.0");
        if (!string.Equals(Claim(token, appClaim), credentials.MicrosoftAppId, StringComparison.OrdinalIgnoreCase))
            return InboundAuthentication.Fail($"the Entra token's {appClaim} claim does not name this bot");
        return InboundAuthentication.Authenticated;
    }

    private static string? Claim(JsonWebToken token, string type) =>
        token.TryGetPayloadValue<string>(type, out var value) && !string.IsNullOrEmpty(value) ? value : null;

    /// <summary>A key with endorsements signs only for the channels it lists; an empty channel id skips the check
    /// (docs/protocol-conformance.md C1.6).</summary>
    private static bool IsEndorsed(OpenIdConnectConfiguration configuration, string? kid, string? channelId)
    {
        if (string.IsNullOrEmpty(channelId))
            return true;

        var key = configuration.JsonWebKeySet?.Keys.FirstOrDefault(k => k.Kid == kid);
        if (key is null || !key.AdditionalData.TryGetValue("endorsements", out var raw) || raw is null)
            return true;

        var endorsements = Endorsements(raw).ToList();
        return endorsements.Count == 0 || endorsements.Contains(channelId, StringComparer.Ordinal);
    }

    private static IEnumerable<string> Endorsements(object raw) => raw switch
    {
        JsonElement { ValueKind: JsonValueKind.Array } array => array.EnumerateArray()
            .Where(e => e.ValueKind == JsonValueKind.String).Select(e => e.GetString()!),
        string single => [single],
        IEnumerable items => items.Cast<object?>().Select(i => i switch
        {
            JsonElement { ValueKind: JsonValueKind.String } element => element.GetString(),
            _ => i?.ToString(),
        }).OfType<string>(),
        _ => [],
    };
}
