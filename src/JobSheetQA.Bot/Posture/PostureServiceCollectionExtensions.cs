using JobSheetQA.Bot.Hosting.Settings;
using JobSheetQA.Bot.Posture.WriteWindows;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace JobSheetQA.Bot.Posture;

public static class PostureServiceCollectionExtensions
{
    /// <summary>
    /// Registers the production posture module (runbook §4): reading an environment's posture, recording the posture
    /// checklist, opening and closing write windows and, with <c>WriteWindows:ManageVariables</c>, setting and restoring
    /// their flags. Needs storage, policy and the GitHub gateway. The write-window
    /// watch is a job (Jobs module); what it reports is posted by the chat module (<see cref="IWriteWindowReports"/>).
    /// </summary>
    public static IServiceCollection AddPosture(this IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddOptions<WriteWindowOptions>()
            .Bind(configuration.GetSection(WriteWindowOptions.SectionName))
            .ValidateAtStartup();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<WriteWindowOptions>, WriteWindowOptionsValidator>());
        services.TryAddSingleton<WriteWindowRestorer>();
        services.TryAddSingleton<PostureReader>();
        services.TryAddSingleton<PostureChecklistRecorder>();
        services.TryAddSingleton<WriteWindowService>();
        return services;
    }
}
