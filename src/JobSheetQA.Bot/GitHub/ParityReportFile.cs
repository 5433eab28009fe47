using System.Text;

namespace JobSheetQA.Bot.GitHub;

/// <summary><c>latest.json</c> as extracted from a run's <c>promotion-parity-report</c> artifact (runbook §5.2).</summary>
/// <param name="RunId">The run that uploaded the artifact.</param>
/// <param name="ArtifactId">The artifact.</param>
/// <param name="EntryPath">The zip entry it came from (the zip is rooted at the uploaded files' common folder).</param>
/// <param name="Content">The report's bytes.</param>
public sealed record ParityReportFile(long RunId, long ArtifactId, string EntryPath, byte[] Content)
{
    public string Text => Encoding.UTF8.GetString(Content);
}
