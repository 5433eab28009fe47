using Hangfire;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace JobSheetQA.Bot.Jobs;

/// <summary>Readiness <c>job-server</c>: a Hangfire server has sent a heartbeat to the job storage within a minute.</summary>
internal sealed class JobServerReadinessCheck(JobStorage storage, TimeProvider time) : IHealthCheck
{
    private static readonly TimeSpan Stale = TimeSpan.FromMinutes(1);

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var now = time.GetUtcNow().UtcDateTime;
            var alive = storage.GetMonitoringApi().Servers().Count(s => s.Heartbeat is { } beat && now - beat < Stale);
            return Task.FromResult(alive > 0
                ? HealthCheckResult.Healthy($"{alive} server(s)")
                : HealthCheckResult.Unhealthy("no job server has sent a heartbeat in the last minute"));
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            return Task.FromResult(HealthCheckResult.Unhealthy($"the job storage cannot be read: {exception.GetType().Name}"));
        }
    }
}
