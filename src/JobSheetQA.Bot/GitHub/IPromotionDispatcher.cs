namespace JobSheetQA.Bot.GitHub;

/// <summary>Starts <c>promotion.yml</c>. A promotion is never dispatched twice: when the outcome of a dispatch is
/// unknown (timeout, 5xx) the run is searched for by correlation id instead of re-sending.</summary>
public interface IPromotionDispatcher
{
    /// <summary>Dispatches the workflow and returns the run it created.</summary>
    Task<GitHubResult<DispatchedRun>> DispatchAsync(PromotionDispatch dispatch, CancellationToken cancellationToken = default);

    /// <summary>One look for a run whose title carries <paramref name="correlationId"/>, created on or after
    /// <paramref name="createdSince"/> on <paramref name="branch"/>; null when there is none (yet). Used after restarts.</summary>
    Task<GitHubResult<DispatchedRun?>> FindRunByCorrelationIdAsync(string correlationId, string branch, DateTimeOffset createdSince, CancellationToken cancellationToken = default);
}
