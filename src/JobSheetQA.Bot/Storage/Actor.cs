using JobSheetQA.Rules.Facts;

namespace JobSheetQA.Bot.Storage;

/// <summary>
/// Who did something, as the records keep it: the stable id (<c>teams:&lt;entra-object-id&gt;</c>, <c>slack:&lt;user-id&gt;</c>,
/// or <c>system:&lt;name&gt;</c> for the bot itself) and the name people read. A person can never hold a <c>system:</c>
/// id, so nobody named "tracker" passes for the tracker.
/// </summary>
/// <param name="Id">The stable id; empty for rows written before ids were kept.</param>
/// <param name="Name">The display name at the time.</param>
public sealed record Actor(string Id, string Name)
{
    private const string SystemPrefix = "system:";

    /// <summary>The tracker's moves of a promotion (its run started, finished…).</summary>
    public static Actor Tracker { get; } = System("tracker");

    /// <summary>The bot's own moves (an acknowledgement expired, a duplicate write window withdrawn…).</summary>
    public static Actor Bot { get; } = System("bot");

    /// <summary>A person as records keep them: <c>channel:userId</c> and their name. No channel may be called <c>system</c>.</summary>
    public static Actor Of(RequesterIdentity person)
    {
        ArgumentNullException.ThrowIfNull(person);
        if (person.QualifiedId.StartsWith(SystemPrefix, StringComparison.OrdinalIgnoreCase))
            throw new ArgumentException($"'{person.QualifiedId}' is the bot's own kind of id; no person may hold it.", nameof(person));
        return new(person.QualifiedId, person.DisplayName);
    }

    public bool IsSystem => Id.StartsWith(SystemPrefix, StringComparison.Ordinal);

    private static Actor System(string name) => new(SystemPrefix + name, name);
}
