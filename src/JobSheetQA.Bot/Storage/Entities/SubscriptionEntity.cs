namespace JobSheetQA.Bot.Storage.Entities;

/// <summary>A conversation that asked for notifications (gate failures; outcomes too when <see cref="IncludeOutcomes"/>).</summary>
public sealed class SubscriptionEntity
{
    public long Id { get; set; }

    public long ConversationReferenceId { get; set; }

    public bool IncludeOutcomes { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public ConversationReferenceEntity? ConversationReference { get; set; }
}
