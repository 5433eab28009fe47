using System.IO.Compression;
using System.Reflection;

namespace JobSheetQA.GitHubSandbox.Simulation;

/// <summary>The <c>promotion-parity-report</c> artifact: a zip whose only entry is <c>latest.json</c>.</summary>
internal static class ParityReports
{
    public static byte[] DefaultPassing { get; } = Read("parity-latest.pass.json");

    public static byte[] DefaultFailing { get; } = Read("parity-latest.fail.json");

    /// <summary>The report a run uploads: the scenario's bytes, else the sample matching the gate's outcome.</summary>
    public static byte[] ReportFor(SimulatedRun run) =>
        run.Scenario.ParityReport ?? (run.Scenario.FailAt == PromotionJobs.ParityGate ? DefaultFailing : DefaultPassing);

    /// <summary>
    /// The zip GitHub builds for <c>path: parity/reports/latest.json</c>: rooted at the least common ancestor,
    /// so the entry is <c>latest.json</c>.
    /// </summary>
    public static byte[] Zip(byte[] report, DateTimeOffset at, string entryPath = "latest.json")
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            var entry = zip.CreateEntry(entryPath, CompressionLevel.Optimal);
            entry.LastWriteTime = at;
            using var stream = entry.Open();
            stream.Write(report);
        }

        return buffer.ToArray();
    }

    private static byte[] Read(string name)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("Defaults/" + name)
            ?? throw new InvalidOperationException($"Embedded resource Defaults/{name} is missing.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
