using JobSheetQA.Bot.Hosting.Telemetry;
using JobSheetQA.Bot.Promotions.Acknowledgements;
using JobSheetQA.Bot.Promotions.Cancellation;
using JobSheetQA.Bot.Promotions.ProtectionRules;
using JobSheetQA.Bot.Promotions.Reports;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace JobSheetQA.Bot.Promotions;

public static class PromotionsServiceCollectionExtensions
{
    /// <summary>
    /// Registers the promotion state machine: promote, dry run, acknowledgements and cancel. The run tracking the promote
    /// path starts (<see cref="IRunTrackingScheduler"/>) is registered by the Jobs module; what happens later is reported
    /// to <see cref="IPromotionReports"/>, which the Chat module implements, as it implements the protection rule's
    /// <see cref="IProtectionRuleAnswers"/>.
    /// </summary>
    public static IServiceCollection AddPromotions(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddBotMetrics();
        services.TryAddSingleton<PromotionTransitions>();
        services.TryAddSingleton<PromotionLauncher>();
        services.TryAddSingleton<PromotionService>();
        services.TryAddSingleton<AcknowledgementDialog>();
        services.TryAddSingleton<PromotionCanceller>();
        services.TryAddSingleton<ProtectionRuleReviewer>();
        services.TryAddSingleton<PendingProtectionReviews>();
        return services;
    }
}
