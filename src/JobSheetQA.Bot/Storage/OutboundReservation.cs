namespace JobSheetQA.Bot.Storage;

/// <summary>The answer to <see cref="OutboundPosts.TryReserveAsync"/>.</summary>
public sealed record OutboundReservation(OutboundReservationStatus Status, string? PostedMessageId = null)
{
    public bool Reserved => Status == OutboundReservationStatus.Reserved;
}
