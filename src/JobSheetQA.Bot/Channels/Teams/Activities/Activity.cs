using System.Text.Json;
using System.Text.Json.Serialization;

namespace JobSheetQA.Bot.Channels.Teams.Activities;

/// <summary>
/// The Bot Framework Activity, as far as this bot reads or writes it
/// (https://github.com/microsoft/botframework-sdk/blob/main/specs/botframework-activity/botframework-activity.md).
/// Open-ended parts (<c>value</c>, <c>channelData</c>, entities, attachment content) stay JSON.
/// </summary>
public sealed record Activity
{
    public string? Type { get; init; }

    public string? Id { get; init; }

    public DateTimeOffset? Timestamp { get; init; }

    public string? ServiceUrl { get; init; }

    public string? ChannelId { get; init; }

    public ChannelAccount? From { get; init; }

    public ChannelAccount? Recipient { get; init; }

    public ConversationAccount? Conversation { get; init; }

    public string? Text { get; init; }

    public string? TextFormat { get; init; }

    public string? ReplyToId { get; init; }

    public string? Name { get; init; }

    public string? Action { get; init; }

    public string? Locale { get; init; }

    public JsonElement? Value { get; init; }

    public JsonElement? ChannelData { get; init; }

    public IReadOnlyList<Entity>? Entities { get; init; }

    public IReadOnlyList<Attachment>? Attachments { get; init; }

    public IReadOnlyList<ChannelAccount>? MembersAdded { get; init; }

    public IReadOnlyList<ChannelAccount>? MembersRemoved { get; init; }

    /// <summary>Serializer settings for the wire: camelCase, nulls left out.</summary>
    public static JsonSerializerOptions Json { get; } = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };
}

/// <summary>A user or bot: Teams user ids look like <c>29:…</c>, the bot's like <c>28:&lt;appId&gt;</c>.</summary>
public sealed record ChannelAccount(string? Id, string? Name = null)
{
    public string? AadObjectId { get; init; }

    /// <summary>Sent by some channels (and the simulator's configured users); Teams itself leaves it out.</summary>
    public string? Email { get; init; }

    public string? UserPrincipalName { get; init; }

    public string? Role { get; init; }
}

/// <summary>A conversation: personal (<c>a:…</c>), group chat (<c>19:…@thread.v2</c>) or channel thread (<c>19:…;messageid=…</c>).</summary>
public sealed record ConversationAccount(string? Id)
{
    public string? ConversationType { get; init; }

    public string? TenantId { get; init; }

    public bool? IsGroup { get; init; }

    public string? Name { get; init; }
}

/// <summary>An entity attached to an activity; this bot reads mentions (<c>type: mention</c>).</summary>
public sealed record Entity(string? Type)
{
    public ChannelAccount? Mentioned { get; init; }

    public string? Text { get; init; }
}

/// <summary>An attachment: the bot sends Adaptive Cards (<see cref="Cards.AdaptiveCardRenderer.ContentType"/>).</summary>
public sealed record Attachment(string? ContentType, JsonElement? Content = null)
{
    public string? ContentUrl { get; init; }
}
