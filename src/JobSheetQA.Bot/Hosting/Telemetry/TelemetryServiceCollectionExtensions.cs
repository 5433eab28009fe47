using JobSheetQA.Bot.Hosting.Settings;
using Microsoft.Extensions.DependencyInjection.Extensions;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace JobSheetQA.Bot.Hosting.Telemetry;

public static class TelemetryServiceCollectionExtensions
{
    /// <summary>The OTLP endpoint variable of the OpenTelemetry specification; unset means no export.</summary>
    public const string OtlpEndpointKey = "OTEL_EXPORTER_OTLP_ENDPOINT";

    /// <summary>
    /// OpenTelemetry: the bot's meter (<see cref="BotMetrics"/>) with ASP.NET Core, HttpClient and runtime metrics, read by
    /// the Prometheus endpoint when <c>Telemetry:Metrics:Enabled</c> and exported over OTLP when
    /// <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set; traces (the bot's sources, ASP.NET Core, HttpClient) only with OTLP, so
    /// spans cost nothing when nobody collects them.
    /// </summary>
    public static IServiceCollection AddTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<TelemetryOptions>().Bind(configuration.GetSection(TelemetryOptions.SectionName)).ValidateAtStartup();
        services.AddSingleton<Microsoft.Extensions.Options.IValidateOptions<TelemetryOptions>, TelemetryOptionsValidator>();
        services.AddBotMetrics();

        var otlp = !string.IsNullOrWhiteSpace(configuration[OtlpEndpointKey]);
        var prometheus = configuration.GetValue<bool>($"{TelemetryOptions.SectionName}:Metrics:Enabled");
        var telemetry = services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService("JobSheetQA.Bot"))
            .WithMetrics(metrics =>
            {
                metrics.AddMeter(BotTelemetry.MeterName)
                    .AddAspNetCoreInstrumentation()
                    .AddHttpClientInstrumentation()
                    .AddRuntimeInstrumentation();
                if (prometheus)
                    metrics.AddPrometheusExporter();
            });
        if (otlp)
        {
            telemetry.WithTracing(tracing => tracing
                .AddSource([.. BotTelemetry.SourceNames])
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation());
            telemetry.UseOtlpExporter();
        }

        return services;
    }

    /// <summary>The bot's instruments (<see cref="BotMetrics"/>); each module that records asks for them, so a host with only
    /// some modules still resolves.</summary>
    public static IServiceCollection AddBotMetrics(this IServiceCollection services)
    {
        services.AddMetrics();
        services.TryAddSingleton<BotMetrics>();
        return services;
    }
}
