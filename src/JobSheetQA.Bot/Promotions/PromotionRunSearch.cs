using JobSheetQA.Bot.GitHub;
using JobSheetQA.Bot.Storage.Entities;
using JobSheetQA.Rules.Facts;

namespace JobSheetQA.Bot.Promotions;

/// <summary>Finds a promotion's workflow run by the correlation id it was dispatched with (its <c>run-name</c>).</summary>
public static class PromotionRunSearch
{
    // A run is created a moment after the dispatch that the promotion row records; allow for clock skew too.
    private static readonly TimeSpan CreatedSlack = TimeSpan.FromMinutes(2);

    public static Task<GitHubResult<DispatchedRun?>> FindRunAsync(
        this IPromotionDispatcher dispatcher, PromotionEntity promotion, CancellationToken cancellationToken) =>
        dispatcher.FindRunByCorrelationIdAsync(promotion.CorrelationId, GitRef.BranchOf(promotion.Ref), promotion.CreatedAt - CreatedSlack, cancellationToken);
}
