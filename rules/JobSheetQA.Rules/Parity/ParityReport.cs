namespace JobSheetQA.Rules.Parity;

/// <summary>
/// One run of the parity suite: the candidate's OCR and AI validation results compared with the baseline/golden set
/// (<c>parity/reports/latest.json</c>, runbook §5.2). Format: <c>parity/schema/parity-report.schema.json</c>.
/// </summary>
/// <param name="SchemaVersion">Format version; only 1 exists.</param>
/// <param name="GeneratedAt">When the suite finished.</param>
/// <param name="CommitSha">The candidate commit.</param>
/// <param name="Baseline">What the candidate was compared with.</param>
/// <param name="Suite">Which suite ran.</param>
/// <param name="Summary">Document counts.</param>
/// <param name="Metrics">Named measurements, compared with the thresholds by <see cref="ParityEvaluator"/>.</param>
/// <param name="Failures">Per-document detail; empty when the report gives none.</param>
public sealed record ParityReport(
    int SchemaVersion,
    DateTimeOffset GeneratedAt,
    string CommitSha,
    ParityBaseline Baseline,
    ParitySuite Suite,
    ParitySummary Summary,
    IReadOnlyDictionary<string, double> Metrics,
    IReadOnlyList<ParityDocumentFailure>? Failures = null)
{
    public IReadOnlyList<ParityDocumentFailure> Failures { get; init; } = Failures ?? [];
}
