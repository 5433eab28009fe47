namespace JobSheetQA.Bot.Storage;

/// <summary>
/// A turn to accept: its (channel, inbound id) and any further ids that name the same delivery (Slack sends one message
/// as several events), the conversation it is ordered in, and the adapter's payload.
/// </summary>
public sealed record InboundTurnAcceptance(
    string Channel, string InboundId, string ConversationKey, string Payload, IReadOnlyList<string>? AlsoKnownAs = null)
{
    /// <summary>The inbound id and the further ids, each once.</summary>
    public IEnumerable<string> Ids => new[] { InboundId }.Concat(AlsoKnownAs ?? []).Distinct(StringComparer.Ordinal);
}
