using JobSheetQA.Bot.Jobs;
using Microsoft.Extensions.Options;

namespace JobSheetQA.Bot.Hosting.Telemetry;

public static class TelemetryEndpoints
{
    /// <summary><c>/metrics</c> in Prometheus' text format when <c>Telemetry:Metrics:Enabled</c>, behind the jobs dashboard's
    /// authorization policy (HTTP Basic with <c>Jobs:Dashboard:Password</c>); otherwise not mapped (404).</summary>
    public static IEndpointRouteBuilder MapTelemetryEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var options = endpoints.ServiceProvider.GetRequiredService<IOptions<TelemetryOptions>>().Value;
        if (options.Metrics.Enabled)
        {
            endpoints.MapPrometheusScrapingEndpoint(TelemetryOptions.MetricsEndpointOptions.Path)
                .RequireAuthorization(DashboardBasicAuthenticationHandler.PolicyName);
        }

        return endpoints;
    }
}
