using System.Globalization;

namespace JobSheetQA.Rules.Parity;

/// <summary>
/// Compares a parity report's metrics with the thresholds, as the Parity Gate does (runbook §5.2), so the bot can name
/// each violation in chat and fill <c>NightlyParityResult.Violations</c> (runbook §2.1).
/// </summary>
public static class ParityEvaluator
{
    /// <summary>Every threshold the report breaks, in threshold order. Bounds are inclusive; a missing metric is a violation unless the thresholds say otherwise.</summary>
    public static ParityEvaluation Evaluate(ParityReport report, ParityThresholds thresholds)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(thresholds);

        var violations = new List<ParityViolation>();
        foreach (var (metric, threshold) in thresholds.Thresholds)
        {
            var violation = Check(metric, threshold, report.Metrics, thresholds.MissingMetricIsViolation);
            if (violation is not null)
            {
                violations.Add(violation);
            }
        }

        return new ParityEvaluation(violations);
    }

    /// <summary>
    /// Reads both documents and evaluates them: what the bot does with the <c>promotion-parity-report</c> artifact and
    /// <c>parity/config/thresholds.json</c>. Malformed input comes back as errors naming the document and where.
    /// </summary>
    public static ParityReadResult<ParityEvaluation> Evaluate(
        string? reportJson,
        string? thresholdsJson,
        string reportName = "parity report",
        string thresholdsName = "parity thresholds")
    {
        var report = ParityReader.ReadReport(reportJson, reportName);
        var thresholds = ParityReader.ReadThresholds(thresholdsJson, thresholdsName);
        if (report.Value is null || thresholds.Value is null)
        {
            return ParityReadResult<ParityEvaluation>.Failure([.. report.Errors, .. thresholds.Errors]);
        }

        return ParityReadResult<ParityEvaluation>.Success(Evaluate(report.Value, thresholds.Value));
    }

    private static ParityViolation? Check(
        string metric,
        ParityThreshold threshold,
        IReadOnlyDictionary<string, double> metrics,
        bool missingIsViolation)
    {
        // A threshold with no usable bound would pass anything; fail closed rather than let a typo open the gate.
        var (firstValue, firstBound) = threshold switch
        {
            { Min: { } min } => (min, ParityBound.Min),
            { Max: { } max } => (max, ParityBound.Max),
            _ => (double.NaN, ParityBound.Min),
        };
        if (double.IsNaN(firstValue) || !AreFinite(threshold))
        {
            return new ParityViolation(metric, metrics.TryGetValue(metric, out var a) ? a : null, firstValue, firstBound,
                $"{metric} threshold is not usable ({Bounds(threshold)})");
        }

        if (!metrics.TryGetValue(metric, out var actual))
        {
            return threshold.Required ?? missingIsViolation
                ? new ParityViolation(metric, null, firstValue, firstBound, $"{metric} missing from report ({Bounds(threshold)})")
                : null;
        }

        // NaN compares false with everything, so without this check it would slip past both bounds.
        if (!double.IsFinite(actual))
        {
            return new ParityViolation(metric, actual, firstValue, firstBound,
                $"{metric} {Format(actual)} is not a finite number ({Bounds(threshold)})");
        }

        if (threshold.Min is { } minimum && actual < minimum)
        {
            return new ParityViolation(metric, actual, minimum, ParityBound.Min, $"{metric} {Format(actual)} < min {Format(minimum)}");
        }

        if (threshold.Max is { } maximum && actual > maximum)
        {
            return new ParityViolation(metric, actual, maximum, ParityBound.Max, $"{metric} {Format(actual)} > max {Format(maximum)}");
        }

        return null;
    }

    private static bool AreFinite(ParityThreshold threshold) =>
        (threshold.Min is not { } min || double.IsFinite(min)) && (threshold.Max is not { } max || double.IsFinite(max));

    private static string Bounds(ParityThreshold threshold) =>
        (threshold.Min, threshold.Max) switch
        {
            ({ } min, { } max) => $"min {Format(min)}, max {Format(max)}",
            ({ } min, null) => $"min {Format(min)}",
            (null, { } max) => $"max {Format(max)}",
            _ => "no min or max",
        };

    /// <summary>Shortest round-trip text, invariant culture, so 0.912 reads as 0.912 and 8000 as 8000.</summary>
    internal static string Format(double value) => value.ToString(CultureInfo.InvariantCulture);
}
