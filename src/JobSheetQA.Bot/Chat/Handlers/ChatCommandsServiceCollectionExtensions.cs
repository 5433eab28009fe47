using JobSheetQA.Bot.Chat.Handlers.Introspection;
using JobSheetQA.Bot.Chat.Handlers.Posture;
using JobSheetQA.Bot.Chat.Handlers.Readiness;
using JobSheetQA.Bot.Chat.Handlers.Subscriptions;
using JobSheetQA.Bot.Chat.Handlers.Verification;
using JobSheetQA.Bot.Chat.Handlers.WriteWindows;
using JobSheetQA.Bot.Chat.Turns;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace JobSheetQA.Bot.Chat.Handlers;

public static class ChatCommandsServiceCollectionExtensions
{
    /// <summary>
    /// Registers the chat commands around promotions (design.md §3): help, whoami, policy, subscribe/unsubscribe,
    /// verify staging, the posture checklist, write windows, posture and readiness. Needs storage, policy and the GitHub gateway.
    /// </summary>
    public static IServiceCollection AddChatCommands(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);

        services.AddSingleton<IChatCommandHandler, HelpHandler>();
        services.AddSingleton<IChatCommandHandler, WhoAmIHandler>();
        services.AddSingleton<IChatCommandHandler, PolicyHandler>();

        services.AddSingleton<IChatCommandHandler, SubscribeHandler>();
        services.AddSingleton<IChatCommandHandler, UnsubscribeHandler>();

        services.AddSingleton<IChatCommandHandler, VerifyStagingHandler>();
        services.AddSingleton<IChatFormHandler, StagingVerificationFormHandler>();

        services.AddSingleton<IChatCommandHandler, PostureHandler>();
        services.AddSingleton<IChatFormHandler, PostureChecklistFormHandler>();

        services.AddSingleton<IChatCommandHandler, OpenWriteWindowHandler>();
        services.AddSingleton<IChatCommandHandler, CloseWriteWindowHandler>();

        services.TryAddSingleton<ReadinessPackBuilder>();
        services.AddSingleton<IChatCommandHandler, ReadinessHandler>();
        return services;
    }
}
