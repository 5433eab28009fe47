using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace JobSheetQA.Bot.Hosting.Readiness;

/// <summary><c>/healthz</c> is liveness (the process answers); <c>/readyz</c> is readiness: every check tagged
/// <see cref="Tag"/> (database, job server, GitHub, signing metadata — each module registers its own), named one by one
/// in the JSON answer, 503 when any fails. Failures carry a reason, never a secret.</summary>
public static class ReadinessEndpoints
{
    public const string Tag = "ready";

    public const string Path = "/readyz";

    /// <summary>Health checks on, each module adds its own with <see cref="Tag"/>.</summary>
    public static IHealthChecksBuilder AddReadiness(this IServiceCollection services) => services.AddHealthChecks();

    public static IEndpointRouteBuilder MapReadinessEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/healthz", () => Results.Text("ok"));
        endpoints.MapHealthChecks(Path, new HealthCheckOptions
        {
            Predicate = check => check.Tags.Contains(Tag),
            ResultStatusCodes =
            {
                [HealthStatus.Healthy] = StatusCodes.Status200OK,
                [HealthStatus.Degraded] = StatusCodes.Status200OK,
                [HealthStatus.Unhealthy] = StatusCodes.Status503ServiceUnavailable,
            },
            ResponseWriter = WriteAsync,
        });
        return endpoints;
    }

    private static Task WriteAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json";
        var body = new
        {
            status = report.Status.ToString(),
            checks = report.Entries.ToDictionary(e => e.Key, e => new { status = e.Value.Status.ToString(), description = e.Value.Description }),
        };
        return context.Response.WriteAsync(JsonSerializer.Serialize(body, JsonSerializerOptions.Web));
    }
}
