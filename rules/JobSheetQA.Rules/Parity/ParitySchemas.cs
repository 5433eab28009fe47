using System.Text.Json;
using Json.Schema;

namespace JobSheetQA.Rules.Parity;

/// <summary>The parity JSON Schemas, embedded from <c>parity/schema/</c> so every host validates against the files in the repository.</summary>
public static class ParitySchemas
{
    public const string ReportResourceName = "JobSheetQA.Rules.Parity.parity-report.schema.json";
    public const string ThresholdsResourceName = "JobSheetQA.Rules.Parity.thresholds.schema.json";

    private static readonly Lazy<JsonSchema> LazyReport = new(() => Build(ReportResourceName));
    private static readonly Lazy<JsonSchema> LazyThresholds = new(() => Build(ThresholdsResourceName));
    private static readonly Lazy<JsonElement> LazyReportElement = new(() => Parse(ReportResourceName));
    private static readonly Lazy<JsonElement> LazyThresholdsElement = new(() => Parse(ThresholdsResourceName));

    /// <summary><c>parity/schema/parity-report.schema.json</c>.</summary>
    public static JsonSchema Report => LazyReport.Value;

    /// <summary><c>parity/schema/thresholds.schema.json</c>.</summary>
    public static JsonSchema Thresholds => LazyThresholds.Value;

    /// <summary>The report schema as JSON, to quote its keywords (allowed values, patterns) in error messages.</summary>
    internal static JsonElement ReportElement => LazyReportElement.Value;

    /// <summary>The thresholds schema as JSON, to quote its keywords in error messages.</summary>
    internal static JsonElement ThresholdsElement => LazyThresholdsElement.Value;

    /// <summary>The schema's text as embedded.</summary>
    public static string ReadText(string resourceName)
    {
        using var stream = typeof(ParitySchemas).Assembly.GetManifestResourceStream(resourceName)
            ?? throw new InvalidOperationException($"The parity schema resource '{resourceName}' is not embedded; check the EmbeddedResource glob in JobSheetQA.Rules.csproj.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    private static JsonElement Parse(string resourceName)
    {
        using var document = JsonDocument.Parse(ReadText(resourceName));
        return document.RootElement.Clone();
    }

    private static JsonSchema Build(string resourceName) =>
        // A private registry: the global one refuses a second registration of the same $id (e.g. in a second host or test run).
        JsonSchema.FromText(ReadText(resourceName), new BuildOptions { SchemaRegistry = new SchemaRegistry() });
}
