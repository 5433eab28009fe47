using JobSheetQA.Bot.Chat.Outbound;
using JobSheetQA.Bot.Chat.Turns;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace JobSheetQA.Bot.Chat;

public static class ChatServiceCollectionExtensions
{
    /// <summary>
    /// Registers the channel-neutral conversation: the turn handler adapters call for every inbound message and
    /// the poster jobs use to post later. Command, form and text handlers are registered by the modules that own them.
    /// </summary>
    public static IServiceCollection AddChat(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<ChatTurnHandler>();
        services.TryAddSingleton<ConversationPoster>();
        return services;
    }
}
