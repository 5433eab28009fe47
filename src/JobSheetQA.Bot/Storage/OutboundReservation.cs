namespace JobSheetQA.Bot.Storage;

/// <summary>The answer to <see cref="OutboundPostStore.TryReserveAsync"/>.</summary>
public sealed record OutboundReservation(OutboundReservationStatus Status, string? PostedMessageId = null)
{
    public bool Reserved => Status == OutboundReservationStatus.Reserved;
}
