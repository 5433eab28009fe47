namespace JobSheetQA.Bot.Channels.Teams;

/// <summary>
/// The <c>Teams</c> settings: where signing keys and tokens come from (public-cloud defaults; sovereign clouds and test
/// rigs point them elsewhere), which Bot Connector hosts may receive the bot's token, and how calls are retried.
/// </summary>
public sealed class TeamsOptions
{
    public const string SectionName = "Teams";

    /// <summary>Bot Framework (ABS) token issuer; tokens with this <c>iss</c> are checked against its metadata.</summary>
    public const string BotFrameworkIssuer = "https://api.botframework.com";

    /// <summary><c>Teams:BotFrameworkOpenIdMetadataUrl</c>: the Bot Framework channel's OpenID metadata (signing keys with endorsements).</summary>
    public string BotFrameworkOpenIdMetadataUrl { get; set; } = "https://login.botframework.com/v1/.well-known/openidconfiguration";

    /// <summary><c>Teams:EntraOpenIdMetadataUrl</c>: Entra's metadata, for channels that send Entra-issued tokens.</summary>
    public string EntraOpenIdMetadataUrl { get; set; } = "https://login.microsoftonline.com/common/v2.0/.well-known/openid-configuration";

    /// <summary><c>Teams:AcceptEntraTokens</c>: also accept Entra-issued tokens (ABS is moving its channels to them).</summary>
    public bool AcceptEntraTokens { get; set; } = true;

    /// <summary>
    /// <c>Teams:AcceptAgentTokens</c>: accept an Entra-issued token whose <c>appid</c> (v1) / <c>azp</c> (v2) is this bot's own
    /// <c>MicrosoftAppId</c>. Off by default: such a token is what the bot's own credentials mint (the Bot Framework
    /// Emulator, Direct Line App Service Extension, the bot calling itself), so anyone holding the client secret could
    /// otherwise speak as any user. Azure Bot Service channel traffic (Teams included) comes with Bot Framework tokens
    /// and does not need it (docs/teams-setup.md, "Which tokens are accepted").
    /// </summary>
    public bool AcceptAgentTokens { get; set; }

    /// <summary>
    /// <c>Teams:AllowedChannels</c>: the activity <c>channelId</c>s accepted (<c>msteams</c> by default). On Web Chat, Direct
    /// Line and the Emulator the client chooses <c>from</c>, so the identity in the body would be anyone's to claim.
    /// </summary>
    // Defaulted after binding (see AddTeamsChannel), like AllowedServiceUrlHosts.
    public string[] AllowedChannels { get; set; } = [];

    public static readonly IReadOnlyList<string> DefaultAllowedChannels = ["msteams"];

    /// <summary>
    /// <c>Teams:AllowedTenants</c>: the Entra tenant ids whose activities are accepted, checked against the activity's
    /// <c>channelData.tenant.id</c> and <c>conversation.tenantId</c> and a token's <c>tid</c> claim. Required outside
    /// Development when an app id is set; in Development, left out, any tenant is accepted.
    /// </summary>
    public string[]? AllowedTenants { get; set; }

    /// <summary><c>Teams:TokenAuthorityHost</c>: the Entra host outbound tokens are requested from (<c>{host}/{tenant}/oauth2/v2.0/token</c>).</summary>
    public string TokenAuthorityHost { get; set; } = "https://login.microsoftonline.com";

    /// <summary><c>Teams:TokenScope</c>: what the outbound token is for: the Bot Connector.</summary>
    public string TokenScope { get; set; } = "https://api.botframework.com/.default";

    /// <summary>
    /// <c>Teams:AllowedServiceUrlHosts</c>: the bot's token goes only to a <c>serviceUrl</c> whose host is one of these or
    /// below one (AGJS outboundHostValidator's defaults). Loopback hosts are added in Development for the simulator.
    /// </summary>
    // Defaulted after binding (see AddTeamsChannel): the binder appends to an array's initial items instead of replacing them.
    public string[] AllowedServiceUrlHosts { get; set; } = [];

    public static readonly IReadOnlyList<string> DefaultAllowedServiceUrlHosts =
    [
        "botframework.com", "smba.trafficmanager.net", "teams.microsoft.com", "teams.microsoft.us", "graph.microsoft.com",
        "sharepoint.com", "svc.ms", "blob.core.windows.net",
    ];

    /// <summary><c>Teams:MaxRequestBytes</c>: larger activities are refused with 413 before they are parsed.</summary>
    public int MaxRequestBytes { get; set; } = 256 * 1024;

    /// <summary><c>Teams:FormAction</c>: <c>Submit</c> (default) or <c>Execute</c> for the submit button of card forms.</summary>
    public FormActionKind FormAction { get; set; } = FormActionKind.Submit;

    /// <summary><c>Teams:MaxAttempts</c>: tries per Bot Connector call, the first included (429, 412 and 5xx are retried).</summary>
    public int MaxAttempts { get; set; } = 4;

    /// <summary><c>Teams:RetryBaseDelay</c>: first backoff for 412/5xx, doubled per attempt, with jitter.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary><c>Teams:MaxRetryAfter</c>: a 429 asking to wait longer than this is given up on (a job retries later).</summary>
    public TimeSpan MaxRetryAfter { get; set; } = TimeSpan.FromSeconds(60);
}
