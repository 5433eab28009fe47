namespace JobSheetQA.Rules.Policy;

/// <summary>
/// How a policy names a person: <c>*</c> (everyone) or <c>&lt;channel&gt;:&lt;user-id&gt;</c>, where the channel is
/// one whose platform vouches for the user id (Teams' Entra object id, Slack's user id, the login GitHub signs a
/// webhook's <c>sender</c> with). An e-mail address never names anybody: no channel vouches for the address a sender gives.
/// </summary>
public sealed class PersonNaming
{
    /// <summary>The channel of people GitHub names: whoever starts a run from the Actions tab (<c>github:&lt;login&gt;</c>).</summary>
    public const string GitHubChannel = "github";

    /// <summary>The chat platforms the bot ships adapters for, and GitHub (the protection rule's requesters).</summary>
    public static readonly IReadOnlyList<string> ShippedChannels = ["teams", "slack", GitHubChannel];

    /// <summary>Names people on the shipped channels only.</summary>
    public static readonly PersonNaming Shipped = new(ShippedChannels);

    private readonly string[] channels;

    /// <param name="channels">The channels whose user ids may be listed (for example the ones the host serves).</param>
    public PersonNaming(IEnumerable<string> channels)
    {
        ArgumentNullException.ThrowIfNull(channels);
        this.channels = [.. channels.Distinct(StringComparer.Ordinal)];
    }

    public bool Names(string entry) =>
        entry == "*"
        || (entry.Split(':', 2) is [var channel, { Length: > 0 } id] && this.channels.Contains(channel) && !id.Contains('@')
            && (channel != GitHubChannel || IsGitHubLogin(id)));

    /// <summary>The forms an entry may take, for error messages: <c>*, teams:&lt;entra-object-id&gt; or slack:&lt;user-id&gt;</c>.</summary>
    public string Forms() => "*, " + PersonForms();

    /// <summary>The forms that name one person (no <c>*</c>).</summary>
    public string PersonForms() => string.Join(" or ", this.channels.Select(Form));

    /// <summary>A GitHub login: 1–39 letters, digits or single hyphens, neither first nor last (GitHub's own rule).</summary>
    public static bool IsGitHubLogin(string login) =>
        login.Length is > 0 and <= 39
        && login.All(c => char.IsAsciiLetterOrDigit(c) || c == '-')
        && login[0] != '-' && login[^1] != '-' && !login.Contains("--", StringComparison.Ordinal);

    private static string Form(string channel) => channel switch
    {
        "teams" => "teams:<entra-object-id>",
        GitHubChannel => "github:<login>",
        _ => $"{channel}:<user-id>",
    };
}
