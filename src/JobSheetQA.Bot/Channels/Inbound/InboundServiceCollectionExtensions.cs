using JobSheetQA.Bot.Hosting.Settings;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace JobSheetQA.Bot.Channels.Inbound;

public static class InboundServiceCollectionExtensions
{
    /// <summary>
    /// Registers the durable inbound queue the channel adapters share: <see cref="InboundTurnQueue"/> (accept before
    /// answering) and <see cref="InboundTurnWorker"/> (handle later), with the validated <c>Inbound</c> settings. Each
    /// adapter registers its <see cref="IInboundTurnProcessor"/>.
    /// </summary>
    public static IServiceCollection AddInboundTurns(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<InboundOptions>()
            .Bind(configuration.GetSection(InboundOptions.SectionName))
            .ValidateAtStartup();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<InboundOptions>, InboundOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<InboundTurnQueue>();
        services.AddHostedService<InboundTurnWorker>();
        return services;
    }
}
