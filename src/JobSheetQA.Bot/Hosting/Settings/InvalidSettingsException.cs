namespace JobSheetQA.Bot.Hosting.Settings;

/// <summary>
/// The host cannot start with these settings. The message lists every problem, one per line and each starting with the
/// key to fix. The original failures stay on <see cref="Problems"/> rather than as inner exceptions, so the start-up
/// output is that list and not a stack trace per problem.
/// </summary>
public sealed class InvalidSettingsException(IReadOnlyList<SettingsProblem> problems) : Exception(Describe(problems))
{
    public IReadOnlyList<SettingsProblem> Problems { get; } = problems;

    private static string Describe(IReadOnlyList<SettingsProblem> problems)
    {
        var count = problems.Count == 1 ? "1 setting needs" : $"{problems.Count} settings need";
        var lines = problems.Select(p => $"{Environment.NewLine}  - {p.Description}");
        return $"JobSheetQA.Bot cannot start: {count} fixing (docs/configuration.md describes every key):{string.Concat(lines)}";
    }
}
