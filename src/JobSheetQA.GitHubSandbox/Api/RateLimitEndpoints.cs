using JobSheetQA.GitHubSandbox.Http;
using JobSheetQA.GitHubSandbox.State;

namespace JobSheetQA.GitHubSandbox.Api;

/// <summary><c>GET /rate_limit</c>: the budget, without spending it.</summary>
internal static class RateLimitEndpoints
{
    public static RouteGroupBuilder MapRateLimit(this RouteGroupBuilder api)
    {
        api.MapGet("/rate_limit", (SandboxState state) =>
        {
            lock (state.Sync)
            {
                var now = state.Time.GetUtcNow();
                state.Budget.Roll(now);
                var budget = state.Budget;
                return GitHubResults.Json(GitHubJson.RateLimit(budget.Limit, budget.Used, budget.Remaining, budget.ResetEpoch(now)));
            }
        });
        return api;
    }
}
