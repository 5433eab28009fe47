using System.Text;

namespace JobSheetQA.Bot.GitHub;

/// <summary>The newest successful nightly parity run and the raw <c>latest.json</c> from its artifact (runbook §2.1).
/// Judging it against <c>parity/config/thresholds.json</c> happens elsewhere.</summary>
/// <param name="RunId">The nightly workflow run.</param>
/// <param name="RunHtmlUrl">Where a person can look at it.</param>
/// <param name="CompletedAt">When the run finished (its <c>updated_at</c> once completed).</param>
/// <param name="HeadSha">The commit the nightly run tested.</param>
/// <param name="ArtifactId">The artifact the report came from.</param>
/// <param name="EntryPath">Where <c>latest.json</c> sat inside the artifact zip.</param>
/// <param name="Content">The report's bytes exactly as stored.</param>
public sealed record NightlyParityReport(
    long RunId,
    string RunHtmlUrl,
    DateTimeOffset CompletedAt,
    string HeadSha,
    long ArtifactId,
    string EntryPath,
    byte[] Content)
{
    public string Text => Encoding.UTF8.GetString(Content);
}
