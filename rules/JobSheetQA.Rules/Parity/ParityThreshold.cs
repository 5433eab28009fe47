namespace JobSheetQA.Rules.Parity;

/// <summary>The bounds of one metric. Both are inclusive: a value equal to a bound passes. At least one is set.</summary>
/// <param name="Min">The metric must be at least this.</param>
/// <param name="Max">The metric must be at most this.</param>
/// <param name="Required">Overrides <see cref="ParityThresholds.MissingMetricIsViolation"/> for this metric.</param>
/// <param name="Description">Why the bound is what it is; for people.</param>
public sealed record ParityThreshold(double? Min = null, double? Max = null, bool? Required = null, string? Description = null);
