using System.Text.Json;
using JobSheetQA.Rules.Policy;

namespace JobSheetQA.Rules.Parity.Pairing;

/// <summary>
/// Reads any JSON parity report and thresholds file and pairs their numbers (runbook §5.2: "review latest.json for
/// violations, check thresholds.json"). With policy.yaml's <c>parity:</c> mapping only the mapped metrics are compared;
/// without it, the default rules (parity/README.md "Any shape") pair the thresholds file's usual shapes with the report's
/// numbers by name and path, and say what they paired and what they could not. Malformed input never throws.
/// </summary>
public static class ParityPairer
{
    private static readonly JsonDocumentOptions Options = new() { MaxDepth = 64 };

    // Keys that describe a thresholds file or entry rather than bound a metric.
    private static readonly HashSet<string> Metadata = new(StringComparer.Ordinal)
    {
        "$schema", "schema_version", "version", "description", "missing_metric_is_violation", "required",
        "generated_at", "updated_at", "comment", "comments", "notes", "unit", "owner",
    };

    // Name parts that mean "lower is better": a bare number for such a metric is taken as a maximum.
    private static readonly HashSet<string> LowerIsBetter = new(StringComparer.OrdinalIgnoreCase)
    {
        "error", "errors", "failed", "failures", "failure", "mismatch", "mismatches", "latency", "ms", "duration", "seconds", "time",
    };

    public static ParityComparison Compare(
        string? reportJson,
        string? thresholdsJson,
        IReadOnlyList<ParityMetricMapping>? mapping,
        string reportName = "parity report",
        string thresholdsName = "parity thresholds")
    {
        var problems = new List<string>();
        using var report = Parse(reportJson, reportName, problems);
        using var thresholds = Parse(thresholdsJson, thresholdsName, problems);
        if (mapping is { Count: > 0 })
            return ByMapping(report?.RootElement, thresholds?.RootElement, mapping, thresholdsName, problems);
        if (report is null || thresholds is null)
            return new ParityComparison(ParityPairingMode.Default, [], [], [], problems);
        return ByDefault(report.RootElement, thresholds.RootElement, thresholdsName, problems);
    }

    private static JsonDocument? Parse(string? json, string name, List<string> problems)
    {
        if (json is null)
            return null; // the caller could not fetch it and says why
        if (string.IsNullOrWhiteSpace(json))
        {
            problems.Add($"{name} is empty");
            return null;
        }

        try
        {
            var document = JsonDocument.Parse(json, Options);
            if (document.RootElement.ValueKind == JsonValueKind.Object)
                return document;
            problems.Add($"{name} is JSON but not an object (it is {Describe(document.RootElement)})");
            document.Dispose();
            return null;
        }
        catch (JsonException e)
        {
            problems.Add($"{name} is not valid JSON (line {e.LineNumber + 1}, byte {e.BytePositionInLine + 1})");
            return null;
        }
    }

    // ---- policy.yaml parity: mapping ----

    private static ParityComparison ByMapping(
        JsonElement? report, JsonElement? thresholds, IReadOnlyList<ParityMetricMapping> mapping, string thresholdsName, List<string> problems)
    {
        var checks = new List<ParityCheck>();
        var unpaired = new List<string>();
        foreach (var metric in mapping)
        {
            double bound;
            string from;
            if (metric.ThresholdValue is { } value)
            {
                (bound, from) = (value, "policy.yaml");
            }
            else if (thresholds is not { } t)
            {
                unpaired.Add($"{metric.Metric}: its threshold {metric.ThresholdPath} is in {thresholdsName}, which could not be read");
                continue;
            }
            else if (metric.ThresholdPath!.Find(t) is not { ValueKind: JsonValueKind.Number } found || !found.TryGetDouble(out bound) || !double.IsFinite(bound))
            {
                unpaired.Add($"{metric.Metric}: {thresholdsName} has no number at {metric.ThresholdPath}");
                continue;
            }
            else
            {
                from = $"{thresholdsName} {metric.ThresholdPath}";
            }

            if (report is not { } r)
            {
                unpaired.Add($"{metric.Metric}: the report could not be read");
                continue;
            }

            checks.Add(Check(metric.Metric, r, metric.Report, bound, metric.Direction, from, assumed: false, required: true));
        }

        return new ParityComparison(ParityPairingMode.Mapping, checks, unpaired, [], problems);
    }

    // ---- the default pairing ----

    private sealed record Threshold(ParityPath At, string Metric, double Value, ParityBound Bound, bool Assumed, bool Required, string From);

    private static ParityComparison ByDefault(JsonElement report, JsonElement thresholds, string thresholdsName, List<string> problems)
    {
        var unpaired = new List<string>();
        var found = new List<Threshold>();
        var requiredByDefault = !(thresholds.TryGetProperty("missing_metric_is_violation", out var m) && m.ValueKind == JsonValueKind.False);
        CollectThresholds(thresholds, [], requiredByDefault, thresholdsName, found, unpaired);

        var leaves = new List<(ParityPath Path, JsonElement Value)>();
        CollectLeaves(report, [], leaves);

        var checks = new List<ParityCheck>();
        var gated = new HashSet<string>(StringComparer.Ordinal);
        foreach (var threshold in found)
        {
            var candidates = leaves.Where(l => l.Path.Name == threshold.Metric).ToList();
            if (candidates.Count > 1)
            {
                var best = candidates.GroupBy(c => SharedSuffix(c.Path, threshold.At)).OrderByDescending(g => g.Key).First().ToList();
                if (best.Count > 1)
                {
                    unpaired.Add($"{threshold.From}: more than one number in the report is called {threshold.Metric} "
                        + $"({string.Join(", ", best.Select(b => b.Path))}); name the one to use in policy.yaml parity:");
                    continue;
                }

                candidates = best;
            }

            var path = candidates.Count == 1 ? candidates[0].Path : null;
            if (path is not null)
                gated.Add(path.ToString());
            checks.Add(path is null
                ? new ParityCheck(threshold.Metric, null, null, threshold.Value, threshold.Bound, threshold.From, threshold.Assumed, threshold.Required)
                : Check(threshold.Metric, report, path, threshold.Value, threshold.Bound, threshold.From, threshold.Assumed, threshold.Required));
        }

        var notGated = leaves
            .Where(l => l.Value.ValueKind == JsonValueKind.Number && !gated.Contains(l.Path.ToString()) && !Metadata.Contains(l.Path.Name))
            .Select(l => l.Path.ToString())
            .ToList();
        if (found.Count == 0)
            unpaired.Add($"{thresholdsName} names no threshold in a shape I know ({{\"metric\": number}}, {{\"metric\": {{\"min\"|\"max\": number}}}}, \"min_<metric>\"/\"max_<metric>\")");
        return new ParityComparison(ParityPairingMode.Default, checks, unpaired, notGated, problems);
    }

    private static void CollectThresholds(
        JsonElement node, List<string> at, bool requiredByDefault, string file, List<Threshold> found, List<string> unpaired)
    {
        foreach (var property in node.EnumerateObject())
        {
            var name = property.Name;
            var value = property.Value;
            var path = ParityPath.Of([.. at, name]);
            var from = $"{file} {path}";
            if (Metadata.Contains(name))
                continue;

            switch (value.ValueKind)
            {
                case JsonValueKind.Object when IsBoundObject(value):
                    ReadBoundObject(value, ParityPath.Of([.. at, name]), name, requiredByDefault, file, found, unpaired);
                    break;
                case JsonValueKind.Object:
                    CollectThresholds(value, [.. at, name], requiredByDefault, file, found, unpaired);
                    break;
                case JsonValueKind.Number when Prefixed(name) is { } prefixed:
                    Add(found, unpaired, ParityPath.Of([.. at, prefixed.Metric]), prefixed.Metric, value, prefixed.Bound, assumed: false, requiredByDefault, from);
                    break;
                case JsonValueKind.Number when name is "min" or "max":
                    unpaired.Add($"{from}: a bound with no metric name around it");
                    break;
                case JsonValueKind.Number:
                    Add(found, unpaired, path, name, value, AssumedBound(name), assumed: true, requiredByDefault, from);
                    break;
                case JsonValueKind.Array:
                    unpaired.Add($"{from}: a list, not read as thresholds");
                    break;
                case JsonValueKind.String:
                    unpaired.Add($"{from}: text, not a number");
                    break;
            }
        }
    }

    private static bool IsBoundObject(JsonElement value) =>
        value.EnumerateObject().Any(p => p.Name is "min" or "max");

    private static void ReadBoundObject(
        JsonElement value, ParityPath at, string metric, bool requiredByDefault, string file, List<Threshold> found, List<string> unpaired)
    {
        var required = value.TryGetProperty("required", out var r) ? r.ValueKind != JsonValueKind.False : requiredByDefault;
        foreach (var property in value.EnumerateObject())
        {
            var from = $"{file} {at}.{property.Name}";
            if (property.Name is "min" or "max")
                Add(found, unpaired, at, metric, property.Value, property.Name == "min" ? ParityBound.Min : ParityBound.Max, assumed: false, required, from);
            else if (!Metadata.Contains(property.Name) && property.Value.ValueKind == JsonValueKind.Number)
                unpaired.Add($"{from}: not a bound (only min and max are read beside a metric's min or max)");
        }
    }

    private static void Add(
        List<Threshold> found, List<string> unpaired, ParityPath at, string metric, JsonElement value, ParityBound bound, bool assumed, bool required, string from)
    {
        if (value.ValueKind == JsonValueKind.Number && value.TryGetDouble(out var number) && double.IsFinite(number))
            found.Add(new Threshold(at, metric, number, bound, assumed, required, from));
        else
            unpaired.Add($"{from}: {Describe(value)}, not a finite number");
    }

    private static (string Metric, ParityBound Bound)? Prefixed(string name) =>
        name.StartsWith("min_", StringComparison.Ordinal) && name.Length > 4 ? (name[4..], ParityBound.Min)
        : name.StartsWith("max_", StringComparison.Ordinal) && name.Length > 4 ? (name[4..], ParityBound.Max)
        : null;

    /// <summary>A bare <c>{"metric": number}</c> is a minimum unless the name says lower is better (errors, latency, failures…).</summary>
    public static ParityBound AssumedBound(string metric) =>
        metric.Split('_', '-', '.').Any(LowerIsBetter.Contains) ? ParityBound.Max : ParityBound.Min;

    private static void CollectLeaves(JsonElement node, List<string> at, List<(ParityPath, JsonElement)> leaves)
    {
        foreach (var property in node.EnumerateObject())
        {
            if (property.Value.ValueKind == JsonValueKind.Object)
                CollectLeaves(property.Value, [.. at, property.Name], leaves);
            else if (property.Value.ValueKind != JsonValueKind.Array)
                leaves.Add((ParityPath.Of([.. at, property.Name]), property.Value));
        }
    }

    private static int SharedSuffix(ParityPath a, ParityPath b)
    {
        var n = 0;
        while (n < a.Segments.Count && n < b.Segments.Count && a.Segments[^(n + 1)] == b.Segments[^(n + 1)])
            n++;
        return n;
    }

    private static ParityCheck Check(string metric, JsonElement report, ParityPath path, double bound, ParityBound direction, string from, bool assumed, bool required)
    {
        var found = path.Find(report);
        if (found is not { } value)
            return new ParityCheck(metric, null, null, bound, direction, from, assumed, required);
        if (value.ValueKind == JsonValueKind.Number && value.TryGetDouble(out var number))
            return new ParityCheck(metric, path.ToString(), number, bound, direction, from, assumed, required);
        return new ParityCheck(metric, path.ToString(), null, bound, direction, from, assumed, required) { RawValue = Raw(value) };
    }

    private static string Raw(JsonElement value)
    {
        var text = value.GetRawText();
        return text.Length <= 40 ? text : text[..40] + "…";
    }

    private static string Describe(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Array => "a list",
        JsonValueKind.String => "text",
        JsonValueKind.True or JsonValueKind.False => "true/false",
        JsonValueKind.Null => "null",
        JsonValueKind.Object => "an object",
        _ => "a number too large",
    };
}
