using Microsoft.Extensions.Options;

namespace JobSheetQA.Bot.Hosting.Settings;

/// <summary>
/// Builds one options type as the host would (bind, configure, validate) and reports what fails: every validator
/// message, or the value the configuration binder could not convert.
/// </summary>
internal sealed class OptionsSettingsCheck<TOptions>(string name) : ISettingsCheck
    where TOptions : class
{
    public IReadOnlyList<SettingsProblem> FindProblems(IServiceProvider services)
    {
        try
        {
            _ = services.GetRequiredService<IOptionsMonitor<TOptions>>().Get(name);
            return [];
        }
        catch (OptionsValidationException e)
        {
            return [.. e.Failures.Select(failure => new SettingsProblem(failure, e))];
        }
        catch (InvalidOperationException e)
        {
            // The configuration binder's way of saying a value cannot be converted; reworded when it can be read.
            return [new SettingsProblem(UnreadableSetting.TryDescribe(e, out var description) ? description : e.Message, e)];
        }
    }
}
