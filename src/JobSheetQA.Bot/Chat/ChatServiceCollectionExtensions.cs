using JobSheetQA.Bot.Chat.Outbound;
using JobSheetQA.Bot.Chat.Posture;
using JobSheetQA.Bot.Chat.Promotions;
using JobSheetQA.Bot.Chat.Turns;
using JobSheetQA.Bot.Hosting.Telemetry;
using JobSheetQA.Bot.Posture.WriteWindows;
using JobSheetQA.Bot.Promotions.ProtectionRules;
using JobSheetQA.Bot.Promotions.Reports;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace JobSheetQA.Bot.Chat;

public static class ChatServiceCollectionExtensions
{
    /// <summary>
    /// Registers the channel-neutral conversation: the turn handler and membership adapters call for every inbound
    /// message and install, the poster, and the report posters that word and post what the deciding modules report
    /// after a turn. The command, form and text handlers are registered by <c>AddChatCommands</c>.
    /// </summary>
    public static IServiceCollection AddChat(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddBotMetrics();
        services.TryAddSingleton<ChatTurnHandler>();
        services.TryAddSingleton<ConversationMembership>();
        services.TryAddSingleton<ConversationPoster>();
        services.TryAddSingleton<IPromotionReports, PromotionReportPoster>();
        services.TryAddSingleton<IWriteWindowReports, WriteWindowReportPoster>();
        services.TryAddSingleton<IProtectionRuleAnswers, ProtectionRuleAnswerer>();
        return services;
    }
}
