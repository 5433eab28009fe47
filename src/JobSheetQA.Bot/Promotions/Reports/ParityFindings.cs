using JobSheetQA.Bot.Evidence.Parity;

namespace JobSheetQA.Bot.Promotions.Reports;

/// <summary>What the tracker could tell about a failed Parity Gate from its artifact, the repository's thresholds and the gate's job.</summary>
/// <param name="Evidence">The report compared with the thresholds, or the job's annotations and log; null when there was no run to read.</param>
/// <param name="Problem">Why nothing could be read at all; null when <paramref name="Evidence"/> is there.</param>
/// <param name="WorthRetrying">True when reading again later may do better (GitHub unavailable, artifact not uploaded yet).</param>
public sealed record ParityFindings(ParityEvidence? Evidence, string? Problem, bool WorthRetrying)
{
    /// <summary>Nothing to read: the Parity Gate did not fail.</summary>
    public static ParityFindings Nothing { get; } = new(null, null, false);

    public static ParityFindings Read(ParityEvidenceRead read) => new(read.Evidence, null, read.WorthRetrying);

    public static ParityFindings Unreadable(string problem, bool worthRetrying) => new(null, problem, worthRetrying);
}
