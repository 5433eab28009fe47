using Microsoft.Extensions.DependencyInjection.Extensions;

namespace JobSheetQA.Bot.Promotions;

public static class PromotionsServiceCollectionExtensions
{
    /// <summary>Registers the promotion state machine and the chat commands that drive it.</summary>
    public static IServiceCollection AddPromotions(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<PromotionTransitions>();
        return services;
    }
}
