using JobSheetQA.Bot.GitHub.ProtectionRules;
using JobSheetQA.Bot.Promotions.ProtectionRules;
using JobSheetQA.Bot.Storage;
using Microsoft.Extensions.Options;
using Octokit.Webhooks;

namespace JobSheetQA.Bot.GitHub.Webhooks;

/// <summary>
/// Takes one delivery: checks the content type, the event header and <c>X-Hub-Signature-256</c> (anything unsigned or
/// mis-signed is a 401 and reaches nothing), then hands <c>deployment_protection_rule</c> to the
/// <see cref="ProtectionRuleReviewer"/> (a body it cannot read is a 400) and every other event to
/// <see cref="TrackerWakingWebhookProcessor"/>.
/// </summary>
public sealed class GitHubWebhookReceiver(
    IOptions<WebhookOptions> webhooks,
    IOptions<ProtectionRuleOptions> protectionRule,
    WebhookEventProcessor processor,
    ProtectionRuleReviewer reviewer,
    ILogger<GitHubWebhookReceiver> logger)
{
    public async Task<IResult> ReceiveAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var delivery = request.Headers["X-GitHub-Delivery"].ToString();
        var eventName = request.Headers["X-GitHub-Event"].ToString();
        if (request.ContentType is null || !request.ContentType.StartsWith("application/json", StringComparison.OrdinalIgnoreCase))
            return Refuse(delivery, eventName, StatusCodes.Status400BadRequest, "content type is not application/json");
        if (request.Headers["X-GitHub-Event"].Count != 1 || string.IsNullOrWhiteSpace(eventName))
            return Refuse(delivery, eventName, StatusCodes.Status400BadRequest, "no X-GitHub-Event header");

        string body;
        using (var reader = new StreamReader(request.Body))
            body = await reader.ReadToEndAsync(cancellationToken);

        var signature = WebhookSignatureValidator.Verify(request.Headers["X-Hub-Signature-256"].ToString(), webhooks.Value.Secret, body);
        if (signature != WebhookSignatureValidationResult.Valid)
            return Refuse(delivery, eventName, StatusCodes.Status401Unauthorized, $"signature check: {signature}");

        if (eventName == DeploymentProtectionRequest.EventName && protectionRule.Value.Enabled)
            return await ReviewAsync(delivery, eventName, body);

        try
        {
            await processor.ProcessWebhookAsync(request.Headers, body, cancellationToken);
            return Results.Ok();
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            GitHubLog.WebhookFailed(logger, delivery, eventName, ex);
            return Results.StatusCode(StatusCodes.Status500InternalServerError);
        }
    }

    private async Task<IResult> ReviewAsync(string delivery, string eventName, string body)
    {
        var (review, problem) = DeploymentProtectionPayload.Parse(body, delivery);
        if (problem is not null)
            return Refuse(delivery, eventName, StatusCodes.Status400BadRequest, problem);
        if (review is null)
            return Results.Ok();

        // A redelivery is recognised by the reviewer (one review per run, environment and deployment), not by delivery id.
        GitHubLog.ProtectionRuleRequested(logger, review.RunId, review.Environment, review.CommitSha, review.SenderLogin, delivery);

        // Not tied to the request: GitHub stops waiting for the answer after 10 s, but the run waits for the review.
        await reviewer.ReviewAsync(review, CancellationToken.None);
        return Results.Ok();
    }

    private IResult Refuse(string delivery, string eventName, int status, string reason)
    {
        GitHubLog.WebhookRefused(logger, delivery, eventName, reason);
        return Results.StatusCode(status);
    }
}
