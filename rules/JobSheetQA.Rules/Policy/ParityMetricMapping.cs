using JobSheetQA.Rules.Parity;
using JobSheetQA.Rules.Parity.Pairing;

namespace JobSheetQA.Rules.Policy;

/// <summary>
/// One metric of policy.yaml's <c>parity.metrics</c>: where its value sits in the parity report, its threshold (a path in
/// the thresholds file, or a number), and whether the value must be at least (<c>min</c>) or at most (<c>max</c>) it.
/// </summary>
public sealed record ParityMetricMapping(string Metric, ParityPath Report, ParityPath? ThresholdPath, double? ThresholdValue, ParityBound Direction);
