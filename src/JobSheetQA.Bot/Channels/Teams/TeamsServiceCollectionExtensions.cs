using JobSheetQA.Bot.Channels.Inbound;
using JobSheetQA.Bot.Channels.Teams.Auth;
using JobSheetQA.Bot.Channels.Teams.Connector;
using JobSheetQA.Bot.Chat.Outbound;
using JobSheetQA.Bot.Hosting.Inbound;
using JobSheetQA.Bot.Hosting.Readiness;
using JobSheetQA.Bot.Hosting.Settings;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace JobSheetQA.Bot.Channels.Teams;

public static class TeamsServiceCollectionExtensions
{
    /// <summary>
    /// Registers the Teams front end (docs/teams-setup.md): the bot's identity (root <c>MicrosoftApp*</c> keys) and
    /// the <c>Teams</c> settings, both validated at start-up; inbound checks (channel and tenant pinning, tokens); the Bot Connector client with its MSAL
    /// token and serviceUrl allow-list; behind <c>/api/messages</c> the intake that stores activities in the durable inbound
    /// queue and the processor that handles them from it; and the <c>teams</c> sender
    /// the conversation poster uses.
    /// </summary>
    public static IServiceCollection AddTeamsChannel(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        services.AddOptions<BotCredentialsOptions>()
            .Bind(configuration)
            .ValidateAtStartup();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<BotCredentialsOptions>, BotCredentialsOptionsValidator>());

        services.AddOptions<TeamsOptions>()
            .Bind(configuration.GetSection(TeamsOptions.SectionName))
            .PostConfigure(options =>
            {
                if (options.AllowedServiceUrlHosts.Length == 0)
                    options.AllowedServiceUrlHosts = [.. TeamsOptions.DefaultAllowedServiceUrlHosts];
                if (options.AllowedChannels.Length == 0)
                    options.AllowedChannels = [.. TeamsOptions.DefaultAllowedChannels];
            })
            .ValidateAtStartup();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TeamsOptions>, TeamsOptionsValidator>());

        services.AddHttpClient(TeamsHttpClients.Metadata, http => http.Timeout = TimeSpan.FromSeconds(10));
        services.AddHttpClient(TeamsHttpClients.Token, http => http.Timeout = TimeSpan.FromSeconds(15));
        // Below the Bot Service's own ~15 s turn timeout, so a slow connector leaves time to answer the turn.
        services.AddHttpClient(TeamsHttpClients.Connector, http => http.Timeout = TimeSpan.FromSeconds(10));

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<ClientMistakeLog>();
        services.TryAddSingleton<BotFrameworkAuthenticator>();
        services.AddReadiness().AddCheck<SigningMetadataReadinessCheck>("signing-metadata", tags: [ReadinessEndpoints.Tag]);
        services.TryAddSingleton<BotConnectorTokenProvider>();
        services.TryAddSingleton<ServiceUrlPolicy>();
        services.TryAddSingleton<BotConnectorClient>();
        services.TryAddSingleton<TeamsChannelSender>();
        services.AddSingleton<IChannelSender>(provider => provider.GetRequiredService<TeamsChannelSender>());
        services.TryAddSingleton<TeamsActivityProcessor>();
        services.AddSingleton<IInboundTurnProcessor>(provider => provider.GetRequiredService<TeamsActivityProcessor>());
        services.TryAddSingleton<TeamsTurnIntake>();
        services.AddHostedService<TeamsSimulatorHint>();
        return services;
    }
}
