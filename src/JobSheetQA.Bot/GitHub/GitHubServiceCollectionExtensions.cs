using System.Net;
using JobSheetQA.Bot.GitHub.Auth;
using JobSheetQA.Bot.GitHub.Client;
using JobSheetQA.Bot.GitHub.Sandbox;
using JobSheetQA.Bot.GitHub.Variables;
using JobSheetQA.Bot.Hosting.Readiness;
using JobSheetQA.Bot.Hosting.Settings;
using JobSheetQA.Bot.Hosting.Telemetry;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Octokit;
using Octokit.Caching;
using Octokit.Internal;

namespace JobSheetQA.Bot.GitHub;

public static class GitHubServiceCollectionExtensions
{
    /// <summary>Registers the GitHub gateway (<see cref="IRepositoryFacts"/>, <see cref="IPromotionDispatcher"/>,
    /// <see cref="IWorkflowRunTracker"/>) from the <c>GitHub</c> section, validated at start-up. In <c>Sandbox</c> mode
    /// (the default in Development only) the local GitHub sandbox is started in-process and the gateway points at it.</summary>
    public static IServiceCollection AddGitHubGateway(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);

        services.AddOptions<GitHubOptions>()
            .Bind(configuration.GetSection(GitHubOptions.SectionName))
            .PostConfigure<IServiceProvider>((options, provider) =>
            {
                // Only Development has a default mode; anywhere else the validator asks for GitHub:Mode.
                if (options.Mode is null && provider.GetService<IHostEnvironment>()?.IsDevelopment() == true)
                {
                    options.Mode = GitHubMode.Sandbox;
                }
            })
            .ValidateAtStartup();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<GitHubOptions>, GitHubOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IGitHubDelayer, TimeProviderDelayer>();
        services.AddBotMetrics();

        services.AddHttpClient(GitHubClientFactory.HttpClientName)
            // Octokit follows redirects itself (dropping Authorization on a host change), so the socket handler must not.
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler
            {
                AllowAutoRedirect = false,
                AutomaticDecompression = DecompressionMethods.All,
                PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            })
            .AddHttpMessageHandler(() => new ApiVersionPinHandler())
            .AddHttpMessageHandler(sp => new GitHubMeteringHandler(sp.GetRequiredService<BotMetrics>()));

        services.TryAddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<GitHubOptions>>().Value;
            return options.Mode == GitHubMode.GitHub
                ? new GitHubTargetAccessor(new GitHubTarget(GitHubTarget.ApiRootFor(options.BaseUrl), options.Owner!, options.Repository!, options.Workflow))
                : new GitHubTargetAccessor();
        });
        services.TryAddSingleton<IGitHubTargetAccessor>(sp => sp.GetRequiredService<GitHubTargetAccessor>());
        services.TryAddSingleton<IResponseCache>(sp =>
            new BoundedResponseCache(sp.GetRequiredService<IOptions<GitHubOptions>>().Value.ResponseCacheEntries));
        services.TryAddSingleton<IGitHubClientFactory, GitHubClientFactory>();
        services.TryAddSingleton(CreateCredentialStore);
        services.TryAddSingleton<GitHubApiExecutor>();
        services.TryAddSingleton<IWorkflowRunTracker, OctokitWorkflowRunTracker>();
        services.TryAddSingleton<IPostureVariables, OctokitPostureVariables>();
        services.TryAddSingleton<OctokitRepositoryFacts>();
        services.TryAddSingleton(sp => new CachingRepositoryFacts(
            sp.GetRequiredService<OctokitRepositoryFacts>(), sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<IOptions<GitHubOptions>>()));
        services.TryAddSingleton<IRepositoryFacts>(sp => sp.GetRequiredService<CachingRepositoryFacts>());
        services.TryAddSingleton<IPromotionDispatcher, OctokitPromotionDispatcher>();
        services.AddReadiness().AddCheck<GitHubReadinessCheck>("github", tags: [ReadinessEndpoints.Tag]);

        // Read leniently here: an unset or unreadable GitHub:Mode is reported by the start-up check, which runs before the
        // sandbox would start (and the sandbox itself starts only when the validated mode is Sandbox).
        var configuredMode = configuration[$"{GitHubOptions.SectionName}:{nameof(GitHubOptions.Mode)}"];
        if (string.IsNullOrWhiteSpace(configuredMode) || !Enum.TryParse<GitHubMode>(configuredMode, ignoreCase: true, out var mode) || mode == GitHubMode.Sandbox)
        {
            services.TryAddSingleton<GitHubSandboxHostedService>();
            services.AddHostedService(sp => sp.GetRequiredService<GitHubSandboxHostedService>());
        }

        return services;
    }

    private static ICredentialStore CreateCredentialStore(IServiceProvider services)
    {
        var options = services.GetRequiredService<IOptions<GitHubOptions>>().Value;
        if (options.HasToken)
        {
            return new InMemoryCredentialStore(new Credentials(options.Token));
        }

        if (options.App.AnySet)
        {
            var time = services.GetRequiredService<TimeProvider>();
            return new GitHubAppCredentialStore(
                new GitHubAppJwtFactory(options.App.AppId!, options.App.NormalizedPrivateKey!, time),
                options.App.InstallationId,
                services.GetRequiredService<IGitHubClientFactory>(),
                services.GetRequiredService<IGitHubTargetAccessor>(),
                time,
                services.GetRequiredService<ILogger<GitHubAppCredentialStore>>());
        }

        // Sandbox mode without credentials: the sandbox accepts anonymous requests when it has no tokens configured.
        return new InMemoryCredentialStore(Credentials.Anonymous);
    }
}
