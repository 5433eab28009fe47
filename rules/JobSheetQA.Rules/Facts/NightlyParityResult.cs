namespace JobSheetQA.Rules.Facts;

/// <summary>The newest successful nightly parity run and what its report said against the thresholds (runbook §2.1).</summary>
/// <param name="RunId">The workflow run that produced the report.</param>
/// <param name="CompletedAt">When that run finished (its <c>updated_at</c>).</param>
/// <param name="CommitSha">The commit the nightly run tested.</param>
/// <param name="Violations">Each threshold the report broke, already rendered ("accuracy 0.91 &lt; 0.95"); empty when within thresholds.</param>
/// <param name="GeneratedAt">
/// The report's own <c>generated_at</c> (when the suite finished), which freshness is judged by; null when the report has
/// no readable one, and then the run's <paramref name="CompletedAt"/> stands in for it.
/// </param>
public sealed record NightlyParityResult(
    long RunId,
    DateTimeOffset CompletedAt,
    string CommitSha,
    IReadOnlyList<string> Violations,
    DateTimeOffset? GeneratedAt = null)
{
    public bool WithinThresholds => Violations.Count == 0;
}
