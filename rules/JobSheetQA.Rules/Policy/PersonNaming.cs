namespace JobSheetQA.Rules.Policy;

/// <summary>
/// How a policy names a person: <c>*</c> (everyone) or <c>&lt;channel&gt;:&lt;user-id&gt;</c>, where the channel is
/// one whose platform vouches for the user id (Teams' Entra object id, Slack's user id). An e-mail address never
/// names anybody: no channel vouches for the address a sender gives.
/// </summary>
public sealed class PersonNaming
{
    /// <summary>The chat platforms the bot ships adapters for.</summary>
    public static readonly IReadOnlyList<string> ShippedChannels = ["teams", "slack"];

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
        entry == "*" || (entry.Split(':', 2) is [var channel, { Length: > 0 } id] && this.channels.Contains(channel) && !id.Contains('@'));

    /// <summary>The forms an entry may take, for error messages: <c>*, teams:&lt;entra-object-id&gt; or slack:&lt;user-id&gt;</c>.</summary>
    public string Forms() =>
        "*, " + string.Join(" or ", this.channels.Select(channel => channel == "teams" ? "teams:<entra-object-id>" : $"{channel}:<user-id>"));

    /// <summary>The forms that name one person (no <c>*</c>).</summary>
    public string PersonForms() =>
        string.Join(" or ", this.channels.Select(channel => channel == "teams" ? "teams:<entra-object-id>" : $"{channel}:<user-id>"));
}
