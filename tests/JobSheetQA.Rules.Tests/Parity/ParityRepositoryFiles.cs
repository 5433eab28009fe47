using System.Reflection;

namespace JobSheetQA.Rules.Tests.Parity;

/// <summary>The repository's own parity files, found through the RepositoryRoot assembly metadata.</summary>
internal static class ParityRepositoryFiles
{
    public static string Root { get; } = typeof(ParityRepositoryFiles).Assembly
        .GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == "RepositoryRoot")
        .Value!;

    public static string ParityFolder => Path.Combine(Root, "parity");

    public static string PathOf(params string[] parts) => Path.Combine([ParityFolder, .. parts]);

    public static string Read(params string[] parts) => File.ReadAllText(PathOf(parts));

    public static string PassSample => Read("samples", "latest.pass.json");

    public static string FailSample => Read("samples", "latest.fail.json");

    public static string DefaultThresholds => Read("config", "thresholds.json");
}
