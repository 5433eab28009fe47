using JobSheetQA.Rules.Parity;
using JobSheetQA.Rules.Parity.Pairing;

namespace JobSheetQA.Rules.Policy;

/// <summary>
/// policy.yaml <c>parity:</c> (optional): how to read a parity report whose shape this project did not design.
/// <code>
/// parity:
///   metrics:
///     field_accuracy:                       # the name the bot shows
///       report: results.scores.field_accuracy  # where the value is in latest.json (dotted, or a JSON Pointer)
///       threshold: gates.field_accuracy.floor  # a path in parity/config/thresholds.json, or a number
///       direction: min                      # min: the value must be at least the threshold; max: at most
/// </code>
/// </summary>
internal static class ParityMappingReader
{
    /// <summary>The mapped metrics in file order; null when something is wrong (each problem recorded on <paramref name="reader"/>).</summary>
    public static IReadOnlyList<ParityMetricMapping>? Read(PolicyYamlReader reader, PolicyNode node)
    {
        if (reader.Mapping(node, "metrics") is not { } map
            || map.Required("metrics", "required key is missing: name at least one metric, or leave parity out for the default pairing") is not { } metricsNode
            || reader.Entries(metricsNode, "metric names") is not { } entries)
            return null;
        if (entries.Count == 0)
        {
            reader.Error(metricsNode, "no metrics: name at least one, or leave parity out for the default pairing (parity/README.md)");
            return null;
        }

        var read = entries.Select(e => ReadMetric(reader, e.Name, e.Value)).ToList();
        return read.All(m => m is not null) && !reader.HasErrors ? read.Select(m => m!).ToList() : null;
    }

    private static ParityMetricMapping? ReadMetric(PolicyYamlReader reader, string metric, PolicyNode node)
    {
        if (reader.Mapping(node, "report", "threshold", "direction") is not { } map)
            return null;

        var report = ReadPath(reader, map.Required("report"));
        ParityPath? thresholdPath = null;
        double? thresholdValue = null;
        var thresholdOk = false;
        if (map.Required("threshold", "required key is missing: a path in the thresholds file, or a number") is { } thresholdNode)
        {
            thresholdValue = PolicyYamlReader.AsNumber(thresholdNode);
            if (thresholdValue is null)
                thresholdPath = ReadPath(reader, thresholdNode);
            thresholdOk = thresholdValue is not null || thresholdPath is not null;
        }

        ParityBound? direction = null;
        if (map.Required("direction", "required key is missing: min (the value must be at least the threshold) or max (at most)") is { } directionNode
            && reader.Name(directionNode) is { } text)
        {
            direction = text switch
            {
                "min" => ParityBound.Min,
                "max" => ParityBound.Max,
                _ => null,
            };
            if (direction is null)
                reader.Error(directionNode, $"expected min or max, found '{text}'");
        }

        return report is not null && thresholdOk && direction is { } d
            ? new ParityMetricMapping(metric, report, thresholdPath, thresholdValue, d)
            : null;
    }

    private static ParityPath? ReadPath(PolicyYamlReader reader, PolicyNode? node)
    {
        if (node is not { } n || reader.Text(n) is not { } text)
            return null;
        if (ParityPath.Parse(text, out var problem) is { } path)
            return path;
        reader.Error(n, problem);
        return null;
    }
}
