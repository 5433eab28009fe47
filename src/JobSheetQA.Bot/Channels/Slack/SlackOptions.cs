namespace JobSheetQA.Bot.Channels.Slack;

/// <summary>
/// The <c>Slack</c> settings. Slack is off by default so the bot runs without a Slack workspace; when it is on, the
/// signing secret is required (every HTTP request is verified with it) and the bot token posts replies.
/// </summary>
public sealed class SlackOptions
{
    public const string SectionName = "Slack";

    /// <summary><c>Slack:Enabled</c>: serves <c>/api/slack/*</c> (and Socket Mode with an app token).</summary>
    public bool Enabled { get; set; }

    /// <summary><c>Slack:SigningSecret</c>: the app's signing secret (Basic Information page); never logged.</summary>
    public string? SigningSecret { get; set; }

    /// <summary><c>Slack:BotToken</c>: the bot user OAuth token (<c>xoxb-…</c>) the Web API is called with; never logged.</summary>
    public string? BotToken { get; set; }

    /// <summary>
    /// <c>Slack:AppToken</c>: an app-level token (<c>xapp-…</c>, scope <c>connections:write</c>). When set, the bot also
    /// receives events over Socket Mode, for workspaces whose bot cannot be reached from the internet.
    /// </summary>
    public string? AppToken { get; set; }

    /// <summary>
    /// <c>Slack:AllowedTeams</c>: the workspaces (team ids <c>T…</c>) and Enterprise Grid organisations (enterprise ids
    /// <c>E…</c>) the bot serves. A request from any other is not turned into a turn. Required outside Development
    /// while Slack is on; in Development, left out, any workspace is served.
    /// </summary>
    public string[]? AllowedTeams { get; set; }

    /// <summary>
    /// <c>Slack:AllowExternalUsers</c>: let people of another workspace, acting in a channel shared with it (Slack Connect),
    /// use the bot, unverified (read-only). Off by default: they are refused.
    /// </summary>
    public bool AllowExternalUsers { get; set; }

    /// <summary><c>Slack:ApiBaseUrl</c>: the Web API root; tests and rigs point it at their own server.</summary>
    public Uri ApiBaseUrl { get; set; } = new("https://slack.com/api/");

    /// <summary>
    /// <c>Slack:ResponseUrlRoots</c>: the only places a request's <c>response_url</c> may point to (scheme, host, port and
    /// path prefix). Left out: Slack's, <c>https://hooks.slack.com/</c>. A request naming any other is refused (400).
    /// Like <see cref="ApiBaseUrl"/>, https, or http to a loopback address for test doubles.
    /// </summary>
    public string[]? ResponseUrlRoots { get; set; }

    /// <summary>
    /// <c>Slack:BotUserId</c>: the bot's own user id (<c>U…</c>), to strip its mention and ignore its own messages. Optional:
    /// events carry it in <c>authorizations</c>.
    /// </summary>
    public string? BotUserId { get; set; }

    /// <summary>
    /// <c>Slack:CommandResponseType</c>: how answers to <c>/promote …</c> appear: <c>ephemeral</c> (only the person who typed it,
    /// Slack's default) or <c>in_channel</c> (everyone in the channel).
    /// </summary>
    public string CommandResponseType { get; set; } = "ephemeral";

    /// <summary>
    /// <c>Slack:QueueCapacity</c>: Slack requests stored and waiting for a worker (<c>Inbound:Workers</c>); beyond it Slack is
    /// told to retry later (503).
    /// </summary>
    public int QueueCapacity { get; set; } = 256;

    /// <summary><c>Slack:MaxAttempts</c>: Web API attempts for one call on 429, 5xx or a network error.</summary>
    public int MaxAttempts { get; set; } = 4;

    /// <summary><c>Slack:RetryBaseDelay</c>: the first back-off after a 5xx or network error; it doubles each attempt.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary><c>Slack:MaxRetryAfter</c>: the longest <c>Retry-After</c> the bot waits in line; longer waits fail the call as transient.</summary>
    public TimeSpan MaxRetryAfter { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary><c>Slack:RequestTimeout</c>: how long one Web API call may take.</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(30);
}
