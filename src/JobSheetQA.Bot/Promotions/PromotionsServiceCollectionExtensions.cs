using JobSheetQA.Bot.Chat.Turns;
using JobSheetQA.Bot.Promotions.Acknowledgements;
using JobSheetQA.Bot.Promotions.Commands;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace JobSheetQA.Bot.Promotions;

public static class PromotionsServiceCollectionExtensions
{
    /// <summary>
    /// Registers the promotion state machine and the chat commands that drive it. The run tracking the promote path
    /// starts (<see cref="IRunTrackingScheduler"/>) is registered by the Jobs module.
    /// </summary>
    public static IServiceCollection AddPromotions(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<PromotionTransitions>();
        services.TryAddSingleton<PromotionLauncher>();
        services.TryAddSingleton<PromotionService>();
        services.TryAddSingleton<AcknowledgementDialog>();

        services.AddSingleton<IChatCommandHandler, PromoteHandler>();
        services.AddSingleton<IChatCommandHandler, CancelHandler>();
        services.AddSingleton<IChatCommandHandler, StatusHandler>();
        services.AddSingleton<IChatCommandHandler, HistoryHandler>();
        services.AddSingleton<IChatTextHandler, AcknowledgementTextHandler>();
        services.AddSingleton<IChatFormHandler, AcknowledgementFormHandler>();
        return services;
    }
}
