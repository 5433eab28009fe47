namespace JobSheetQA.Rules.Facts;

/// <summary>The newest successful nightly parity run and what its report said against the thresholds (runbook §2.1).</summary>
/// <param name="RunId">The workflow run that produced the report.</param>
/// <param name="CompletedAt">When that run finished.</param>
/// <param name="CommitSha">The commit the nightly run tested.</param>
/// <param name="Violations">Each threshold the report broke, already rendered ("accuracy 0.91 &lt; 0.95"); empty when within thresholds.</param>
public sealed record NightlyParityResult(long RunId, DateTimeOffset CompletedAt, string CommitSha, IReadOnlyList<string> Violations)
{
    public bool WithinThresholds => Violations.Count == 0;
}
