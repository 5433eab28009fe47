using JobSheetQA.Bot.Channels.Inbound;
using JobSheetQA.Bot.Chat.Outbound;
using JobSheetQA.Bot.Hosting.Inbound;
using JobSheetQA.Bot.Hosting.Settings;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace JobSheetQA.Bot.Channels.Slack;

public static class SlackServiceCollectionExtensions
{
    /// <summary>
    /// Registers the Slack channel (docs/slack-setup.md) when <c>Slack:Enabled</c> is true: request verification,
    /// workspace pinning, the turns it stores in the durable inbound queue and handles from it, the Web API client, the <see cref="IChannelSender"/> for <c>slack</c>
    /// conversations and, with <c>Slack:AppToken</c>, the Socket Mode connection. The settings are always bound and
    /// validated, so a half-configured Slack fails at start-up with the key to fix.
    /// </summary>
    public static IServiceCollection AddSlackChannel(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<SlackOptions>()
            .Bind(configuration.GetSection(SlackOptions.SectionName))
            .PostConfigure(options =>
            {
                if (options.ResponseUrlRoots is not { Length: > 0 })
                    options.ResponseUrlRoots = [SlackResponseUrls.SlackHooks.ToString()];
            })
            .ValidateAtStartup();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SlackOptions>, SlackOptionsValidator>());

        // Read leniently here: an unreadable value must not stop registration, so the start-up check can report it with the rest.
        var section = configuration.GetSection(SlackOptions.SectionName);
        if (!bool.TryParse(section[nameof(SlackOptions.Enabled)], out var enabled) || !enabled)
            return services;

        services.TryAddSingleton(TimeProvider.System);
        services.AddHttpClient(SlackWebApi.HttpClientName, (serviceProvider, client) =>
                client.Timeout = serviceProvider.GetRequiredService<IOptions<SlackOptions>>().Value.RequestTimeout)
            // The default HttpClient log lines carry the URL, and a response_url is itself a credential; SlackLog says what matters.
            .RemoveAllLoggers();
        services.TryAddSingleton<SlackWebApi>();
        services.TryAddSingleton<ClientMistakeLog>();
        services.TryAddSingleton<SlackRequestVerifier>();
        services.TryAddSingleton<SlackWorkspaceGate>();
        services.TryAddSingleton<SlackInboundQueue>();
        services.TryAddSingleton<SlackRequestReceiver>();
        services.TryAddSingleton<SlackChannelSender>();
        services.AddSingleton<IChannelSender>(serviceProvider => serviceProvider.GetRequiredService<SlackChannelSender>());
        services.TryAddSingleton<SlackTurnProcessor>();
        services.AddSingleton<IInboundTurnProcessor>(serviceProvider => serviceProvider.GetRequiredService<SlackTurnProcessor>());
        if (!string.IsNullOrWhiteSpace(section[nameof(SlackOptions.AppToken)]))
            services.AddHostedService<SlackSocketModeClient>();
        return services;
    }
}
