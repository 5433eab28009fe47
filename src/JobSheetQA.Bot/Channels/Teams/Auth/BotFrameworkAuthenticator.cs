using System.Collections;
using System.Text.Json;
using JobSheetQA.Bot.Channels.Teams.Activities;
using JobSheetQA.Bot.Hosting.Inbound;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace JobSheetQA.Bot.Channels.Teams.Auth;

/// <summary>
/// Decides whether an inbound activity may be processed. First what the platform pins, before any token: the
/// activity's <c>channelId</c> must be on <c>Teams:AllowedChannels</c> and every tenant it names on
/// <c>Teams:AllowedTenants</c> (when that list is set); both also apply to anonymous Development. Then the bearer token,
/// the way the Bot Framework SDKs check it
/// (https://learn.microsoft.com/en-us/azure/bot-service/rest-api/bot-framework-rest-connector-authentication):
/// the issuer picks the path (Bot Framework or Entra), the signature must verify with a published RS256/384/512 key,
/// the token must be addressed to this bot and be current within 5 minutes, the key must be endorsed for the activity's
/// channel, a Bot Framework token must name the activity's serviceUrl, and a token's <c>tid</c> must be an allowed
/// tenant. With no app id (Development only, enforced at start-up) no token is asked for, as the SDKs do.
/// </summary>
public sealed class BotFrameworkAuthenticator
{
    internal static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(5);
    private static readonly string[] Algorithms = [SecurityAlgorithms.RsaSha256, SecurityAlgorithms.RsaSha384, SecurityAlgorithms.RsaSha512];

    private readonly BotCredentialsOptions credentials;
    private readonly TeamsOptions options;
    private readonly HashSet<string> allowedChannels;
    private readonly HashSet<string> allowedTenants;
    private readonly OpenIdMetadataSource botFrameworkMetadata;
    private readonly OpenIdMetadataSource entraMetadata;
    private readonly IReadOnlyDictionary<string, string> entraIssuers;
    private readonly JsonWebTokenHandler handler = new() { MapInboundClaims = false };

    // Said once at Warning; every later anonymous activity at Debug, so the log is not one line per message.
    private int anonymousAnnounced;
    private readonly ILogger<BotFrameworkAuthenticator> logger;
    private readonly ClientMistakeLog mistakes;

    public BotFrameworkAuthenticator(
        IOptions<BotCredentialsOptions> credentials, IOptions<TeamsOptions> options, IHttpClientFactory httpClients, TimeProvider time,
        ClientMistakeLog mistakes, ILogger<BotFrameworkAuthenticator> logger)
    {
        this.mistakes = mistakes;
        this.credentials = credentials.Value;
        this.options = options.Value;
        this.logger = logger;
        // Channel ids are compared exactly, as the endorsement check does; tenant ids are GUIDs, in any case.
        allowedChannels = new HashSet<string>(this.options.AllowedChannels, StringComparer.Ordinal);
        allowedTenants = new HashSet<string>(this.options.AllowedTenants ?? [], StringComparer.OrdinalIgnoreCase);
        var http = httpClients.CreateClient(TeamsHttpClients.Metadata);
        botFrameworkMetadata = new OpenIdMetadataSource(this.options.BotFrameworkOpenIdMetadataUrl, http, time, logger);
        entraMetadata = new OpenIdMetadataSource(this.options.EntraOpenIdMetadataUrl, http, time, logger);
        entraIssuers = EntraIssuers.For(this.credentials.MicrosoftAppTenantId);
    }

    /// <summary>For readiness: null when the signing metadata (Bot Framework and Entra OpenID keys) is loaded, or not needed
    /// (no app id, Development); otherwise what is missing.</summary>
    public async Task<string?> SigningMetadataProblemAsync(CancellationToken cancellationToken)
    {
        if (credentials.IsAnonymous)
            return null;
        foreach (var source in new[] { botFrameworkMetadata, entraMetadata })
        {
            var metadata = await source.GetAsync(cancellationToken);
            if (metadata is null || metadata.SigningKeys.Count == 0)
                return $"no signing keys from {source.Url}";
        }

        return null;
    }

    /// <param name="authorization">The request's <c>Authorization</c> header values.</param>
    /// <param name="activity">The activity: its <c>channelId</c> and tenant are pinned, its <c>serviceUrl</c> must match the token.</param>
    /// <param name="cancellationToken">The request's.</param>
    public async Task<InboundAuthentication> AuthenticateAsync(StringValues authorization, Activity activity, CancellationToken cancellationToken)
    {
        var result = CheckActivity(activity);
        if (result.Succeeded)
        {
            if (credentials.IsAnonymous)
            {
                TeamsLog.AnonymousAccepted(logger, Interlocked.Exchange(ref anonymousAnnounced, 1) == 0 ? LogLevel.Warning : LogLevel.Debug);
                return InboundAuthentication.Anonymous;
            }

            result = await CheckAsync(authorization, activity.ChannelId, activity.ServiceUrl, cancellationToken);
        }

        if (!result.Succeeded)
        {
            // Anyone can send these: one Warning a minute, the rest at Debug (counted in the next warning).
            var (level, repeats) = mistakes.Next("teams:401");
            TeamsLog.Unauthenticated(logger, level, result.Failure!, repeats);
        }
        return result;
    }

    /// <summary>
    /// What the platform vouches for, checked before any token: the channel (on Web Chat, Direct Line and the Emulator
    /// the client writes <c>from</c> itself) and the tenant.
    /// </summary>
    private InboundAuthentication CheckActivity(Activity activity)
    {
        if (activity.ChannelId is not { Length: > 0 } channelId || !allowedChannels.Contains(channelId))
            return InboundAuthentication.Fail($"channel '{activity.ChannelId}' is not on {TeamsOptions.SectionName}:AllowedChannels");

        if (allowedTenants.Count == 0)
            return InboundAuthentication.Authenticated;
        var tenants = TeamsActivityReader.Tenants(activity);
        if (tenants.Count == 0)
            return InboundAuthentication.Fail("the activity names no tenant (channelData.tenant.id, conversation.tenantId)");
        return tenants.FirstOrDefault(tenant => !allowedTenants.Contains(tenant)) is { } stranger
            ? InboundAuthentication.Fail($"tenant '{stranger}' is not on {TeamsOptions.SectionName}:AllowedTenants")
            : InboundAuthentication.Authenticated;
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

        // Azure Bot Service's own tokens carry no tid; where a token does, its tenant is pinned like the activity's.
        if (allowedTenants.Count > 0 && Claim(token, "tid") is { } tid && !allowedTenants.Contains(tid))
            return InboundAuthentication.Fail($"the token's tid '{tid}' is not on {TeamsOptions.SectionName}:AllowedTenants");

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

    /// <summary>
    /// Entra tokens (docs/protocol-conformance.md C1.7): the tenant claim matches the issuer's, and the app claim for the
    /// token version (<c>appid</c> in 1.0, <c>azp</c> in 2.0) names this bot; and then they are refused unless
    /// <c>Teams:AcceptAgentTokens</c> is on.
    /// </summary>
    /// <remarks>
    /// Why a token that names this bot is refused by default. The app claim says which application asked Entra for the
    /// token. Azure Bot Service does not send such tokens for channel traffic: the Teams channel (and the other ABS
    /// channels) sign with the Bot Framework issuer (<c>https://api.botframework.com</c>), whose tokens carry the bot in
    /// <c>aud</c>, a <c>serviceurl</c> claim and no <c>appid</c>/<c>azp</c> or <c>tid</c> at all. An Entra token whose
    /// app claim is the bot's own id was minted with the bot's own credentials: the Bot Framework Emulator does exactly
    /// that with the app id and secret typed into it, the Direct Line App Service Extension does it with the bot's
    /// configured app id, secret and tenant, and so can anyone else who holds the secret. The Bot Framework SDK accepts
    /// these under "emulator" (and "ASE channel") validation precisely because the app claim equals the bot's id; a
    /// token whose app claim is another app is treated as a skill call there and an agent-to-agent call in the
    /// Microsoft 365 Agents SDK, which accepts any caller unless an allowed-callers list narrows it. Neither names a
    /// person, so accepting them would let the holder of the secret put any <c>from</c> into the activity. Refusing
    /// them leaves Teams through Azure Bot Service untouched; <c>Teams:AcceptAgentTokens=true</c> brings back the
    /// Emulator and App Service Extension paths for an operator who wants them.
    /// </remarks>
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
        if (!options.AcceptAgentTokens)
            return InboundAuthentication.Fail($"an Entra token minted with this bot's own app id ({appClaim}) is refused while {TeamsOptions.SectionName}:AcceptAgentTokens is false");
        return InboundAuthentication.Authenticated;
    }

    private static string? Claim(JsonWebToken token, string type) =>
        token.TryGetPayloadValue<string>(type, out var value) && !string.IsNullOrEmpty(value) ? value : null;

    /// <summary>A key with endorsements signs only for the channels it lists (docs/protocol-conformance.md C1.6); the channel
    /// id is never empty here, <see cref="CheckActivity"/> refused that already.</summary>
    private static bool IsEndorsed(OpenIdConnectConfiguration configuration, string? kid, string? channelId)
    {
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
