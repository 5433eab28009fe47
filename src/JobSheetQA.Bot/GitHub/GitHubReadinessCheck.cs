using JobSheetQA.Bot.GitHub.Client;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace JobSheetQA.Bot.GitHub;

/// <summary>Readiness <c>github</c>: GitHub (or the sandbox) answers <c>GET /rate_limit</c> with the bot's credentials —
/// reachable, and the token or App accepted. The call spends no rate limit; its answer is kept for 30 s so probes
/// do not become traffic.</summary>
internal sealed class GitHubReadinessCheck(GitHubApiExecutor api, TimeProvider time) : IHealthCheck
{
    private static readonly TimeSpan Keep = TimeSpan.FromSeconds(30);
    private (DateTimeOffset At, HealthCheckResult Result)? last;

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        if (last is { } known && now - known.At < Keep)
            return known.Result;

        var answer = await api.RunAsync(
            new GitHubOperation("rate_limit.get", "read the rate limit", "Metadata: read"),
            async (c, ct) => (await c.RateLimit.GetRateLimits()).Resources.Core.Remaining,
            cancellationToken);
        var result = answer.Succeeded
            ? HealthCheckResult.Healthy($"{answer.Value} core requests left")
            : HealthCheckResult.Unhealthy($"{answer.Error.Kind}: {answer.Error.Message}");
        last = (now, result);
        return result;
    }
}
