namespace JobSheetQA.Bot.Storage.Entities;

/// <summary>A post the bot reserved or made, by idempotency key, so a restart or a retried job never posts twice
/// (docs/architecture.md, "Idempotency").</summary>
public sealed class OutboundPostEntity
{
    public required string IdempotencyKey { get; set; }

    public string? PromotionId { get; set; }

    public long? ConversationReferenceId { get; set; }

    /// <summary>What the post is, e.g. <c>status-card</c>, <c>outcome</c>, <c>gate-failure</c>.</summary>
    public required string Kind { get; set; }

    public DateTimeOffset ReservedAt { get; set; }

    /// <summary>The Teams activity id or Slack message ts once posted.</summary>
    public string? PostedMessageId { get; set; }

    public DateTimeOffset? PostedAt { get; set; }
}
