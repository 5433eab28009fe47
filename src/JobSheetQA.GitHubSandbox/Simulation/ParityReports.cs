using System.IO.Compression;
using System.Reflection;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace JobSheetQA.GitHubSandbox.Simulation;

/// <summary>The <c>promotion-parity-report</c> artifact: a zip whose only entry is <c>latest.json</c>.</summary>
internal static class ParityReports
{
    public static byte[] DefaultPassing { get; } = Read("parity-latest.pass.json");

    public static byte[] DefaultFailing { get; } = Read("parity-latest.fail.json");

    /// <summary>
    /// The report a run uploads: the scenario's bytes as they are, else the project's sample matching the gate's
    /// outcome (parity/samples) with <c>commit_sha</c> set to the run's head, as the real suite writes it.
    /// </summary>
    public static byte[] ReportFor(SimulatedRun run)
    {
        if (run.Scenario.ParityReport is { } bytes)
        {
            return bytes;
        }

        var sample = run.Scenario.FailAt == PromotionJobs.ParityGate ? DefaultFailing : DefaultPassing;
        if (JsonNode.Parse(sample) is JsonObject report && report.ContainsKey("commit_sha"))
        {
            report["commit_sha"] = run.HeadSha;
            return Encoding.UTF8.GetBytes(report.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }));
        }

        return sample;
    }

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
