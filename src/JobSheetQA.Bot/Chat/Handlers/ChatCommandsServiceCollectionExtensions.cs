using JobSheetQA.Bot.Chat.Handlers.Evidence;
using JobSheetQA.Bot.Chat.Handlers.Introspection;
using JobSheetQA.Bot.Chat.Handlers.Posture;
using JobSheetQA.Bot.Chat.Handlers.Promotions;
using JobSheetQA.Bot.Chat.Handlers.Subscriptions;
using JobSheetQA.Bot.Chat.Turns;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace JobSheetQA.Bot.Chat.Handlers;

public static class ChatCommandsServiceCollectionExtensions
{
    /// <summary>
    /// Registers every chat command, form and text handler (docs/architecture.md, "Where each command lives"): promote,
    /// why, cancel, status, history and the acknowledgement dialog; verify staging and readiness; posture, the posture
    /// checklist and write windows; subscribe/unsubscribe; help, whoami and policy. Each asks its deciding module.
    /// </summary>
    public static IServiceCollection AddChatCommands(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);

        services.AddSingleton<IChatCommandHandler, PromoteHandler>();
        services.AddSingleton<IChatCommandHandler, CancelHandler>();
        services.AddSingleton<IChatCommandHandler, StatusHandler>();
        services.AddSingleton<IChatCommandHandler, HistoryHandler>();
        services.AddSingleton<IChatTextHandler, AcknowledgementTextHandler>();
        services.AddSingleton<IChatFormHandler, AcknowledgementFormHandler>();
        services.AddSingleton<IChatFormHandler, PreDispatchChecklistFormHandler>();

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

        services.AddSingleton<IChatCommandHandler, ReadinessHandler>();
        services.AddSingleton<IChatCommandHandler, ParityHandler>();
        return services;
    }
}
