namespace JobSheetQA.Bot.Storage.Entities;

/// <summary>An inbound chat event already handled; chat platforms retry, so the same id must act once (anchors §5 item 6).</summary>
public sealed class ProcessedInboundEntity
{
    public required string Channel { get; set; }

    /// <summary>Teams activity id or Slack event id.</summary>
    public required string InboundId { get; set; }

    public DateTimeOffset ReceivedAt { get; set; }
}
