using JobSheetQA.Bot.Posture.WriteWindows;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace JobSheetQA.Bot.Posture;

public static class PostureServiceCollectionExtensions
{
    /// <summary>
    /// Registers the production posture module (runbook §4): reading an environment's posture, recording the posture
    /// checklist, opening and closing write windows. Needs storage, policy and the GitHub gateway. The write-window
    /// watch is a job (Jobs module); what it reports is posted by the chat module (<see cref="IWriteWindowReports"/>).
    /// </summary>
    public static IServiceCollection AddPosture(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<PostureReader>();
        services.TryAddSingleton<PostureChecklistRecorder>();
        services.TryAddSingleton<WriteWindowService>();
        return services;
    }
}
