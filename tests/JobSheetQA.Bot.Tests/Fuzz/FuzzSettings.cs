using System.Globalization;

namespace JobSheetQA.Bot.Tests.Fuzz;

/// <summary>
/// How many hostile requests each surface gets, and from which seed. CI runs a short, fixed slice; <c>FUZZ_CASES</c> (cases
/// per surface) and <c>FUZZ_SEED</c> run a longer or a different one, e.g. <c>FUZZ_CASES=100000</c>. The same seed and count
/// always send the same requests, so a failure names the seed and case number that reproduce it.
/// </summary>
public static class FuzzSettings
{
    public const int DefaultCases = 2000;
    public const int DefaultSeed = 15;

    public static int Cases => Read("FUZZ_CASES", DefaultCases);

    public static int Seed => Read("FUZZ_SEED", DefaultSeed);

    private static int Read(string name, int fallback) =>
        int.TryParse(Environment.GetEnvironmentVariable(name), NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value > 0
            ? value
            : fallback;
}
