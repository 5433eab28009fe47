namespace JobSheetQA.Rules.Parity;

/// <summary>One threshold a parity report broke.</summary>
/// <param name="Metric">The metric's name.</param>
/// <param name="Actual">The report's value; null when the metric is missing from the report.</param>
/// <param name="Threshold">The bound it broke (for a missing metric, its first bound).</param>
/// <param name="Bound">Whether that bound is a minimum or a maximum.</param>
/// <param name="Message">For people and for <c>NightlyParityResult.Violations</c>, e.g. <c>field_match_rate 0.912 &lt; min 0.95</c>.</param>
public sealed record ParityViolation(string Metric, double? Actual, double Threshold, ParityBound Bound, string Message)
{
    public bool IsMissing => Actual is null;
}
