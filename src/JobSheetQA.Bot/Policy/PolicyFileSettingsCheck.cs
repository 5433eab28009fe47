using JobSheetQA.Bot.Hosting.Settings;
using JobSheetQA.Rules.Policy;
using Microsoft.Extensions.Options;

namespace JobSheetQA.Bot.Policy;

/// <summary>
/// Loads the policy named by <c>Policy:File</c> as part of the start-up check, so its errors
/// (<c>file:line:column: key: message</c>) are listed with every other settings problem.
/// </summary>
internal sealed class PolicyFileSettingsCheck : ISettingsCheck
{
    public IReadOnlyList<SettingsProblem> FindProblems(IServiceProvider services)
    {
        try
        {
            _ = services.GetRequiredService<IOptions<PolicyOptions>>().Value;
        }
        catch (OptionsValidationException)
        {
            return []; // An unusable Policy:File is reported by the options check; there is no file to read.
        }

        try
        {
            _ = services.GetRequiredService<PromotionPolicy>();
            return [];
        }
        catch (PolicyValidationException e)
        {
            return [.. e.Errors.Select(error => new SettingsProblem($"{PolicyOptions.SectionName}:File: {error}", e))];
        }
    }
}
