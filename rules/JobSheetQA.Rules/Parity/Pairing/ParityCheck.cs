using System.Globalization;

namespace JobSheetQA.Rules.Parity.Pairing;

/// <summary>How one paired metric stands against its threshold.</summary>
public enum ParityCheckOutcome
{
    /// <summary>Within the threshold; a value equal to it is within (bounds are inclusive).</summary>
    Met,

    /// <summary>Below a minimum or above a maximum.</summary>
    Violated,

    /// <summary>The report has no value for the metric: never a pass.</summary>
    Missing,

    /// <summary>The report has something there, but not a finite number.</summary>
    NotANumber,
}

/// <summary>One metric of a parity report compared with one bound.</summary>
/// <param name="Metric">The metric's name (the threshold's, or the policy.yaml mapping's).</param>
/// <param name="ReportPath">Where the value was read in the report; null when the report has none.</param>
/// <param name="Value">The report's value; null when missing or not a number.</param>
/// <param name="Threshold">The bound.</param>
/// <param name="Bound">Whether the value must be at least (<see cref="ParityBound.Min"/>) or at most the bound.</param>
/// <param name="ThresholdFrom">Where the bound came from: a thresholds file path, or <c>policy.yaml</c>.</param>
/// <param name="BoundAssumed">True when the thresholds file gave a bare number and the direction was inferred from the metric's name.</param>
/// <param name="Required">False when the thresholds say a missing metric is acceptable; a missing metric is still reported.</param>
public sealed record ParityCheck(
    string Metric,
    string? ReportPath,
    double? Value,
    double Threshold,
    ParityBound Bound,
    string ThresholdFrom,
    bool BoundAssumed = false,
    bool Required = true)
{
    /// <summary>What the report's raw value was when it is not a number (text, true/false, null); for people.</summary>
    public string? RawValue { get; init; }

    public ParityCheckOutcome Outcome => Value switch
    {
        null when ReportPath is null => ParityCheckOutcome.Missing,
        null => ParityCheckOutcome.NotANumber,
        { } v when !double.IsFinite(v) => ParityCheckOutcome.NotANumber,
        { } v when Crosses(v) => ParityCheckOutcome.Violated,
        _ => ParityCheckOutcome.Met,
    };

    // Inclusive: a value equal to the threshold is within it.
    private bool Crosses(double value) => Bound == ParityBound.Min ? value < Threshold : value > Threshold;

    /// <summary>True when this check keeps the gate closed: crossed, not a number, or missing while required.</summary>
    public bool IsViolation => Outcome switch
    {
        ParityCheckOutcome.Met => false,
        ParityCheckOutcome.Missing => Required,
        _ => true,
    };

    /// <summary>Value minus threshold, in decimal so 0.91 − 0.95 is −0.04; null when there is no finite value.</summary>
    public decimal? Margin
    {
        get
        {
            if (Value is not { } value || !double.IsFinite(value) || !double.IsFinite(Threshold))
                return null;
            try
            {
                return Strip((decimal)value - (decimal)Threshold);
            }
            catch (OverflowException)
            {
                return null;
            }
        }
    }

    /// <summary>Shortest round-trip text, invariant culture.</summary>
    public static string Format(double value) => value.ToString(CultureInfo.InvariantCulture);

    public static string Format(decimal value) => value.ToString(CultureInfo.InvariantCulture);

    // 1.000…m trick: dividing by a one with many zeros drops trailing zeros (0.0400 → 0.04).
    private static decimal Strip(decimal value) => value / 1.000000000000000000000000000000000m;
}
