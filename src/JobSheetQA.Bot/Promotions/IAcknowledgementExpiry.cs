namespace JobSheetQA.Bot.Promotions;

/// <summary>
/// Asks for an acknowledgement to be expired at its expiry time (a Hangfire job in <c>Jobs/</c>), so the requester
/// hears within seconds rather than at the next recurring sweep.
/// </summary>
public interface IAcknowledgementExpiry
{
    void ExpireAt(DateTimeOffset expiresAt);
}
