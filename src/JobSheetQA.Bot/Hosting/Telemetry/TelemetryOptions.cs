namespace JobSheetQA.Bot.Hosting.Telemetry;

/// <summary>The <c>Telemetry</c> settings (docs/configuration.md, "Telemetry"). OTLP export is switched on by the standard
/// <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> variable, not here.</summary>
public sealed class TelemetryOptions
{
    public const string SectionName = "Telemetry";

    /// <summary><c>Telemetry:Metrics:Enabled</c>: serve <c>/metrics</c> for Prometheus, behind the jobs dashboard's sign-in.</summary>
    public MetricsEndpointOptions Metrics { get; set; } = new();

    public sealed class MetricsEndpointOptions
    {
        public const string Path = "/metrics";

        public bool Enabled { get; set; }
    }
}
