namespace JobSheetQA.Bot.Promotions.Reports;

/// <summary>
/// Where the promotions module and its jobs hand what happened after a turn (<see cref="PromotionReport"/>). The chat
/// side implements it: it words each report and posts it to whoever should hear (the promotion's conversation,
/// subscribed conversations), once per report however often it is made. Reporting the same fact again is harmless.
/// </summary>
public interface IPromotionReports
{
    /// <returns>True when everything the report owes was posted (or can never be); false when a later call should try again.</returns>
    Task<bool> ReportAsync(PromotionReport report, CancellationToken cancellationToken);
}
