using JobSheetQA.Bot.Hosting.Settings;
using JobSheetQA.Rules.Engine;
using JobSheetQA.Rules.Policy;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace JobSheetQA.Bot.Policy;

public static class PolicyServiceCollectionExtensions
{
    // Compiling the rule sets is the expensive part and the engine holds no per-host state, so every host in the process shares one.
    private static readonly Lazy<PolicyEngine> SharedEngine = new(() => new PolicyEngine(), LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>
    /// Registers the promotion policy (from <c>Policy:File</c>) and the compiled <see cref="PolicyEngine"/>.
    /// Both are loaded when the host starts; an invalid policy stops start-up with every error listed.
    /// Also the fact gatherer (which needs the GitHub gateway and storage registered too) and the authorizer every
    /// action other than promoting goes through.
    /// </summary>
    public static IServiceCollection AddPolicy(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<PolicyOptions>()
            .Bind(configuration.GetSection(PolicyOptions.SectionName))
            .Validate(o => !string.IsNullOrWhiteSpace(o.File), "Policy:File must name the policy YAML file (absolute, or relative to the app base directory).")
            .ValidateAtStartup();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<ISettingsCheck, PolicyFileSettingsCheck>());
        services.TryAddEnumerable(ServiceDescriptor.Singleton<ISettingsCheck, WorkflowFileSettingsCheck>());

        // People are named as teams:<id>, slack:<id> or github:<login> (PersonNaming.Shipped); a host with another chat platform (tests) registers its own naming.
        services.TryAddSingleton(PersonNaming.Shipped);
        services.TryAddSingleton(provider => PolicyLoader.LoadFile(
            provider.GetRequiredService<IOptions<PolicyOptions>>().Value.ResolvePath(AppContext.BaseDirectory),
            provider.GetRequiredService<PersonNaming>()));
        services.TryAddSingleton(_ => SharedEngine.Value);
        services.AddHostedService<PolicyStartupCheck>();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<PromotionFactsGatherer>();
        services.TryAddSingleton<ActionAuthorizer>();
        return services;
    }
}
