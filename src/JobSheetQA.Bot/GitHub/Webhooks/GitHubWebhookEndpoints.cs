using Microsoft.Extensions.Options;

namespace JobSheetQA.Bot.GitHub.Webhooks;

/// <summary>
/// <c>POST /api/github/webhooks</c>, the GitHub webhook receiver: <see cref="GitHubWebhookReceiver"/> checks each delivery's
/// <c>X-Hub-Signature-256</c> against <c>GitHub:WebhookSecret</c> before anything reads it.
/// </summary>
public static class GitHubWebhookEndpoints
{
    /// <summary>Maps <c>POST /api/github/webhooks</c> when <c>GitHub:Webhooks:Enabled</c> is true; nothing otherwise.</summary>
    public static IEndpointRouteBuilder MapGitHubWebhookEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var options = endpoints.ServiceProvider.GetRequiredService<IOptions<WebhookOptions>>().Value;
        if (options.Enabled)
        {
            endpoints.MapPost(WebhookOptions.Path, (HttpRequest request, GitHubWebhookReceiver receiver, CancellationToken cancellationToken) =>
                receiver.ReceiveAsync(request, cancellationToken));
        }

        return endpoints;
    }
}
