namespace JobSheetQA.Bot.Promotions;

/// <summary>
/// Starts tracking a dispatched promotion's workflow run (a Hangfire job in <c>Jobs/</c>). Calling it again for the same
/// promotion is harmless: tracking is idempotent and finds the promotion's state in storage.
/// </summary>
public interface IRunTrackingScheduler
{
    /// <summary>Asks for the run to be looked at soon (after dispatch, or when a webhook says something changed).</summary>
    void TrackSoon(string promotionId);
}
