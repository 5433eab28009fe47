using JobSheetQA.Bot.GitHub.ProtectionRules;
using JobSheetQA.Bot.Hosting.Inbound;
using JobSheetQA.Bot.Hosting.Settings;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Octokit.Webhooks;

namespace JobSheetQA.Bot.GitHub.Webhooks;

public static class GitHubWebhooksServiceCollectionExtensions
{
    /// <summary>
    /// Registers the GitHub webhook receiver (docs/github-setup.md, "4. Webhooks"): settings validated at start-up (an
    /// enabled endpoint needs <c>GitHub:WebhookSecret</c>) and the processor that wakes the tracker on <c>workflow_run</c> /
    /// <c>workflow_job</c>, and the deployment protection rule's reviewer (<c>GitHub:ProtectionRule:Enabled</c>).
    /// </summary>
    public static IServiceCollection AddGitHubWebhooks(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<WebhookOptions>()
            .Configure(options =>
            {
                options.Enabled = configuration.GetValue<bool>(WebhookOptions.EnabledKey);
                options.Secret = configuration[WebhookOptions.SecretKey];
            })
            .ValidateAtStartup();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<WebhookOptions>, WebhookOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<WorkflowRunWaker>();
        services.TryAddSingleton<WebhookEventProcessor, TrackerWakingWebhookProcessor>();
        services.TryAddSingleton<ClientMistakeLog>();
        services.TryAddSingleton<GitHubWebhookReceiver>();

        // The deployment protection rule (docs/github-setup.md, "Deployment protection rule"): off unless enabled.
        services.AddOptions<ProtectionRuleOptions>()
            .Configure(options =>
            {
                options.Enabled = configuration.GetValue<bool>(ProtectionRuleOptions.EnabledKey);
                options.SandboxWebhookUrl = configuration.GetValue<Uri?>(ProtectionRuleOptions.SandboxWebhookUrlKey);
                if (configuration[ProtectionRuleOptions.GiveUpAfterKey] is { Length: > 0 } giveUpAfter)
                    options.GiveUpAfter = TimeSpan.TryParse(giveUpAfter, System.Globalization.CultureInfo.InvariantCulture, out var parsed) ? parsed : TimeSpan.MinValue;
            })
            .ValidateAtStartup();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ProtectionRuleOptions>, ProtectionRuleOptionsValidator>());
        services.TryAddSingleton<IDeploymentProtectionReviews, OctokitDeploymentProtectionReviews>();

        return services;
    }
}
