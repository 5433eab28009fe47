using System.IO.Compression;

namespace JobSheetQA.Bot.GitHub;

/// <summary>The <c>promotion-parity-report</c> artifact and how to find <c>latest.json</c> inside it (runbook §5.2).</summary>
public static class ParityArtifact
{
    public const string DefaultName = "promotion-parity-report";

    public const string ReportFileName = "latest.json";

    /// <summary>Reports are small; anything larger is not a parity report and is not inflated into memory.</summary>
    public const long MaxReportBytes = 16 * 1024 * 1024;

    /// <summary>Finds <c>latest.json</c> in an artifact zip. GitHub roots the zip at the uploaded files' common folder,
    /// so the entry may be <c>latest.json</c>, <c>reports/latest.json</c> or <c>parity/reports/latest.json</c>;
    /// the canonical <c>parity/reports/latest.json</c> wins, then the shallowest entry.</summary>
    /// <returns>The entry path and bytes; null when the zip holds no <c>latest.json</c>.</returns>
    /// <exception cref="InvalidDataException">The stream is not a zip, or the report is implausibly large.</exception>
    public static (string EntryPath, byte[] Content)? ExtractLatestJson(Stream zip)
    {
        ArgumentNullException.ThrowIfNull(zip);
        using var archive = new ZipArchive(zip, ZipArchiveMode.Read, leaveOpen: true);
        var entry = archive.Entries
            .Where(e => string.Equals(e.Name, ReportFileName, StringComparison.OrdinalIgnoreCase))
            .OrderByDescending(e => e.FullName.Replace('\\', '/').EndsWith("parity/reports/" + ReportFileName, StringComparison.OrdinalIgnoreCase))
            .ThenBy(e => e.FullName.Count(c => c is '/' or '\\'))
            .ThenBy(e => e.FullName, StringComparer.Ordinal)
            .FirstOrDefault();
        if (entry is null)
        {
            return null;
        }

        if (entry.Length > MaxReportBytes)
        {
            throw new InvalidDataException($"{entry.FullName} is {entry.Length} bytes; a parity report is never that large.");
        }

        using var input = entry.Open();
        using var buffer = new MemoryStream();
        input.CopyTo(buffer);
        return (entry.FullName.Replace('\\', '/'), buffer.ToArray());
    }
}
