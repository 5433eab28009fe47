namespace JobSheetQA.Bot.Hosting.Settings;

/// <summary>One thing wrong with the settings, described starting with the key to fix, and the failure that showed it.</summary>
public sealed record SettingsProblem(string Description, Exception Cause);
