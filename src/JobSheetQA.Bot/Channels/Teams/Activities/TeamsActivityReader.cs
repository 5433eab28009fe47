using System.Text.Json;
using JobSheetQA.Bot.Chat.Turns;
using JobSheetQA.Rules.Facts;

namespace JobSheetQA.Bot.Channels.Teams.Activities;

/// <summary>
/// Reads what the chat layer needs out of an inbound activity: where it came from (a conversation reference for personal
/// chats, group chats and channel threads), who sent it, and the text with the bot's own @mention taken out
/// (docs/protocol-conformance.md C1.11).
/// </summary>
public static class TeamsActivityReader
{
    /// <summary>The chat platform name conversation references and identities carry.</summary>
    public const string ChannelName = "teams";

    private const string ThreadMarker = ";messageid=";

    public static ConversationAddress Address(Activity activity)
    {
        var conversationId = activity.Conversation?.Id ?? throw new ArgumentException("The activity has no conversation id.", nameof(activity));
        var threadAt = conversationId.IndexOf(ThreadMarker, StringComparison.Ordinal);
        return new ConversationAddress(
            ChannelName,
            conversationId,
            ServiceUrl: activity.ServiceUrl,
            TeamId: ChannelDataString(activity, "team", "id"),
            ChannelId: ChannelDataString(activity, "channel", "id"),
            TenantId: activity.Conversation?.TenantId ?? ChannelDataString(activity, "tenant", "id"),
            BotId: activity.Recipient?.Id,
            UserId: activity.From?.Id,
            ThreadId: threadAt < 0 ? null : conversationId[(threadAt + ThreadMarker.Length)..]);
    }

    /// <summary>
    /// The sender. A person is <c>teams:&lt;Entra object id&gt;</c> and nothing else: Teams sets <c>from.aadObjectId</c> for
    /// every signed-in user, and it is the same id in every chat and in the directory. Without it the platform names no
    /// person (a guest or a bot, say), so the channel user id is kept for display and logs but marked unverified: the
    /// deciding modules let such a sender only read. <c>from.email</c> and <c>from.userPrincipalName</c> are data the
    /// sending client chose, never an identity, so <see cref="RequesterIdentity.Email"/> stays empty.
    /// </summary>
    public static RequesterIdentity Requester(Activity activity)
    {
        var from = activity.From;
        if (from?.AadObjectId is { Length: > 0 } aad)
            return new RequesterIdentity(ChannelName, aad, from.Name is { Length: > 0 } name ? name : aad);

        var userId = from?.Id is { Length: > 0 } id ? id : "unknown";
        return new RequesterIdentity(ChannelName, userId, from?.Name is { Length: > 0 } shown ? shown : userId, Email: null, Verified: false);
    }

    /// <summary>
    /// Every tenant id the activity names (<c>channelData.tenant.id</c>, <c>conversation.tenantId</c>), without repeats;
    /// empty when it names none.
    /// </summary>
    public static IReadOnlyList<string> Tenants(Activity activity) =>
        new[] { ChannelDataString(activity, "tenant", "id"), activity.Conversation?.TenantId }
            .Where(tenant => !string.IsNullOrEmpty(tenant))
            .Select(tenant => tenant!)
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .ToList();

    /// <summary>
    /// The text with the first mention of the bot removed and the rest trimmed (BFJS removeRecipientMention); other people's
    /// mentions stay. Teams' <c>&amp;nbsp;</c> becomes a space. Text without a bot mention is returned as typed.
    /// </summary>
    public static string TextWithoutBotMention(Activity activity)
    {
        var text = (activity.Text ?? "").Replace("&nbsp;", " ", StringComparison.Ordinal);
        var botId = activity.Recipient?.Id;
        // Lists are the sender's: an entry may be null (entities: [null]) and is then skipped, not dereferenced.
        var mention = activity.Entities?.FirstOrDefault(e =>
            e is not null && string.Equals(e.Type, "mention", StringComparison.OrdinalIgnoreCase)
            && botId is not null && e.Mentioned?.Id == botId && !string.IsNullOrEmpty(e.Text));
        if (mention is null)
            return text;

        var mentionText = mention.Text!.Replace("&nbsp;", " ", StringComparison.Ordinal);
        var at = text.IndexOf(mentionText, StringComparison.Ordinal);
        return at < 0 ? text : text.Remove(at, mentionText.Length).Trim();
    }

    /// <summary>True when the members list names the bot itself (it was added or removed).</summary>
    public static bool IncludesBot(Activity activity, IReadOnlyList<ChannelAccount>? members) =>
        members is not null && activity.Recipient?.Id is { } botId && members.Any(m => m?.Id == botId);

    private static string? ChannelDataString(Activity activity, string objectName, string property) =>
        activity.ChannelData is { ValueKind: JsonValueKind.Object } data
        && data.TryGetProperty(objectName, out var child) && child.ValueKind == JsonValueKind.Object
        && child.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;
}
