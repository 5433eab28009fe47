using JobSheetQA.Rules.Tests.Support;

namespace JobSheetQA.Rules.Tests.Parity;

/// <summary>The repository's own parity files.</summary>
internal static class ParityRepositoryFiles
{
    public static string ParityFolder => RepositoryFiles.PathOf("parity");

    public static string PathOf(params string[] parts) => Path.Combine([ParityFolder, .. parts]);

    public static string Read(params string[] parts) => File.ReadAllText(PathOf(parts));

    public static string PassSample => Read("samples", "latest.pass.json");

    public static string FailSample => Read("samples", "latest.fail.json");

    public static string DefaultThresholds => Read("config", "thresholds.json");
}
