using JobSheetQA.Bot.GitHub;
using JobSheetQA.Rules.Parity.Pairing;

namespace JobSheetQA.Bot.Evidence.Parity;

/// <summary>
/// Everything known about a run's parity results (runbook §5.2): the report compared with the thresholds, and when nothing
/// could be compared, the Parity Gate job's annotations, else the end of its log. Facts only; Chat words them.
/// </summary>
/// <param name="Run">The run read.</param>
/// <param name="ArtifactUrl">The <c>promotion-parity-report</c> artifact's page; null when the run has none that could be read.</param>
/// <param name="ReportEntry">Where <c>latest.json</c> sat in the artifact; null when it was not read.</param>
/// <param name="Comparison">The report paired with the thresholds; null when the report could not be fetched.</param>
/// <param name="ReadProblems">What could not be fetched (artifact missing or expired, thresholds file absent), each said once.</param>
/// <param name="Annotations">The Parity Gate job's annotations, when nothing could be compared.</param>
/// <param name="LogTail">The end of the Parity Gate job's log, when nothing could be compared and it left no failure annotation.</param>
/// <param name="FallbackProblems">Why annotations or the log could not be read.</param>
public sealed record ParityEvidence(
    ParityRun Run,
    string? ArtifactUrl,
    string? ReportEntry,
    ParityComparison? Comparison,
    IReadOnlyList<string> ReadProblems,
    IReadOnlyList<JobAnnotation> Annotations,
    JobLogTail? LogTail,
    IReadOnlyList<string> FallbackProblems)
{
    /// <summary>True when at least one metric was compared with a threshold.</summary>
    public bool Compared => Comparison is { Compared: true };
}
