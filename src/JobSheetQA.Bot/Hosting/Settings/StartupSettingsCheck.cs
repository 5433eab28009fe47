using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace JobSheetQA.Bot.Hosting.Settings;

/// <summary>
/// Checks every setting of every enabled feature before the host accepts traffic, and stops start-up with one message
/// listing all problems by key (rather than the first feature's failure, then the next one's on the next try).
/// </summary>
public static class StartupSettingsCheck
{
    /// <summary>
    /// <c>ValidateOnStart</c>, and the options join the one start-up report made by <see cref="CheckSettings"/>.
    /// </summary>
    public static OptionsBuilder<TOptions> ValidateAtStartup<TOptions>(this OptionsBuilder<TOptions> builder)
        where TOptions : class
    {
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<ISettingsCheck>(new OptionsSettingsCheck<TOptions>(builder.Name)));
        return builder.ValidateOnStart();
    }

    /// <summary>Runs every registered <see cref="ISettingsCheck"/>; throws <see cref="InvalidSettingsException"/> if any found a problem.</summary>
    public static void CheckSettings(this IServiceProvider services)
    {
        var problems = services.GetServices<ISettingsCheck>().SelectMany(check => check.FindProblems(services)).ToList();
        if (problems.Count > 0)
            throw new InvalidSettingsException(problems);
    }
}
