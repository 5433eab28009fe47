using Microsoft.Extensions.Options;
using Octokit.Webhooks.AspNetCore;

namespace JobSheetQA.Bot.GitHub.Webhooks;

/// <summary>
/// <c>POST /api/github/webhooks</c>, the GitHub webhook receiver. Octokit.Webhooks checks each delivery's
/// <c>X-Hub-Signature-256</c> against <c>GitHub:WebhookSecret</c> before <see cref="TrackerWakingWebhookProcessor"/> sees it.
/// </summary>
public static class GitHubWebhookEndpoints
{
    /// <summary>Maps <c>POST /api/github/webhooks</c> when <c>GitHub:Webhooks:Enabled</c> is true; nothing otherwise.</summary>
    public static IEndpointRouteBuilder MapGitHubWebhookEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var options = endpoints.ServiceProvider.GetRequiredService<IOptions<WebhookOptions>>().Value;
        if (options.Enabled)
            endpoints.MapGitHubWebhooks(WebhookOptions.Path, options.Secret!);
        return endpoints;
    }
}
