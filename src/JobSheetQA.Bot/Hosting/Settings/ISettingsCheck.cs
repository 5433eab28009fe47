namespace JobSheetQA.Bot.Hosting.Settings;

/// <summary>
/// A part of the start-up check (<see cref="StartupSettingsCheck"/>): reports every problem it finds instead of
/// throwing at the first, so one failed start lists everything to fix.
/// </summary>
public interface ISettingsCheck
{
    IReadOnlyList<SettingsProblem> FindProblems(IServiceProvider services);
}
