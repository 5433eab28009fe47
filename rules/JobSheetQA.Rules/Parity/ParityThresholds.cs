namespace JobSheetQA.Rules.Parity;

/// <summary>
/// The bounds a parity report's metrics must stay within for the Parity Gate to pass
/// (<c>parity/config/thresholds.json</c>, runbook §5.2). Format: <c>parity/schema/thresholds.schema.json</c>.
/// </summary>
/// <param name="SchemaVersion">Format version; only 1 exists.</param>
/// <param name="Thresholds">Metric name to its bounds, in file order.</param>
/// <param name="MissingMetricIsViolation">
/// Whether a threshold whose metric is absent from the report is a violation. True by default so that a metric
/// which silently disappears from the suite cannot pass the gate.
/// </param>
public sealed record ParityThresholds(
    int SchemaVersion,
    IReadOnlyDictionary<string, ParityThreshold> Thresholds,
    bool MissingMetricIsViolation = true);
