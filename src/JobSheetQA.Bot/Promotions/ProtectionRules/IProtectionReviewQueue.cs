namespace JobSheetQA.Bot.Promotions.ProtectionRules;

/// <summary>
/// Judges a stored pending review in the background (a Hangfire job in <c>Jobs/</c>), so the webhook is answered at once.
/// Asking twice for one review is harmless: only the worker that claims it judges.
/// </summary>
public interface IProtectionReviewQueue
{
    void ReviewSoon(long pendingReviewId);
}
