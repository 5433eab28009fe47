using System.Text;
using JobSheetQA.Bot.GitHub.ProtectionRules;
using JobSheetQA.Bot.Hosting.Inbound;
using JobSheetQA.Bot.Promotions.ProtectionRules;
using JobSheetQA.Bot.Storage;
using Microsoft.Extensions.Options;
using Octokit.Webhooks;

namespace JobSheetQA.Bot.GitHub.Webhooks;

/// <summary>
/// Takes one delivery: checks the content type, the event header and <c>X-Hub-Signature-256</c> over the raw bytes
/// (anything unsigned or mis-signed is a 401 and reaches nothing), then that the body is strict JSON
/// (<see cref="StrictJson"/>), then hands <c>deployment_protection_rule</c> to <see cref="PendingProtectionReviews"/> (stored,
/// answered at once and judged in the background; a body it cannot read is a 400) and <c>workflow_run</c> / <c>workflow_job</c>, read by <see cref="WebhookPayload"/> (a body
/// of the wrong shape is a 400), to <see cref="TrackerWakingWebhookProcessor"/>; other events are acknowledged unread.
/// Refusals are logged once per cause (<see cref="ClientMistakeLog"/>); only a failure of the bot's own is a 500, with a
/// correlation id (<see cref="ServerFaults"/>).
/// Every signed delivery (a push, an Actions event …) first makes the facts cache forget what can change without a
/// commit (<see cref="CachingRepositoryFacts.Forget"/>).
/// </summary>
public sealed class GitHubWebhookReceiver(
    IOptions<WebhookOptions> webhooks,
    IOptions<ProtectionRuleOptions> protectionRule,
    WebhookEventProcessor processor,
    PendingProtectionReviews reviews,
    ClientMistakeLog mistakes,
    CachingRepositoryFacts facts,
    ILogger<GitHubWebhookReceiver> logger)
{
    /// <summary>GitHub caps a delivery at 25 MB (https://docs.github.com/en/webhooks/webhook-events-and-payloads#payload-cap).</summary>
    public const int MaxBodyBytes = 25 * 1024 * 1024;

    public async Task<IResult> ReceiveAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var delivery = request.Headers["X-GitHub-Delivery"].ToString();
        var eventName = request.Headers["X-GitHub-Event"].ToString();
        if (request.ContentType is null || !request.ContentType.StartsWith("application/json", StringComparison.OrdinalIgnoreCase))
            return Refuse(delivery, eventName, StatusCodes.Status400BadRequest, "content-type", "content type is not application/json");
        if (request.Headers["X-GitHub-Event"].Count != 1 || string.IsNullOrWhiteSpace(eventName))
            return Refuse(delivery, eventName, StatusCodes.Status400BadRequest, "event-header", "not exactly one X-GitHub-Event header");

        var bytes = await RequestBody.ReadAsync(request, MaxBodyBytes, cancellationToken);
        if (bytes is null)
            return Refuse(delivery, eventName, StatusCodes.Status413PayloadTooLarge, "too-large", $"body over {MaxBodyBytes} bytes");

        var signature = WebhookSignatureValidator.Verify(request.Headers["X-Hub-Signature-256"].ToString(), webhooks.Value.Secret, bytes);
        if (signature != WebhookSignatureValidationResult.Valid)
            return Refuse(delivery, eventName, StatusCodes.Status401Unauthorized, "signature", $"signature check: {signature}");

        if (StrictJson.Problem(bytes) is { } malformed)
            return Refuse(delivery, eventName, StatusCodes.Status400BadRequest, "json", malformed);
        var body = Encoding.UTF8.GetString(bytes).TrimStart('\uFEFF');

        facts.Forget();

        if (eventName == DeploymentProtectionRequest.EventName && protectionRule.Value.Enabled)
            return await ReviewAsync(delivery, eventName, body);

        if (!WebhookPayload.IsHandled(eventName))
        {
            GitHubLog.WebhookIgnored(logger, delivery, eventName, "an event the bot does not handle");
            return Results.Ok();
        }

        var headers = WebhookHeaders.Parse(request.Headers);
        var payload = WebhookPayload.Read(processor, headers, body);
        if (payload.Problem is { } problem)
            return Refuse(delivery, eventName, StatusCodes.Status400BadRequest, "shape", problem);
        if (payload.Ignored is { } ignored)
        {
            GitHubLog.WebhookIgnored(logger, delivery, eventName, ignored);
            return Results.Ok();
        }

        try
        {
            await processor.ProcessWebhookAsync(headers, payload.Event!, cancellationToken);
            return Results.Ok();
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return ServerFaults.Fail(request.HttpContext, logger, $"GitHub delivery {delivery} ({eventName})", ex);
        }
    }

    private async Task<IResult> ReviewAsync(string delivery, string eventName, string body)
    {
        var (review, problem) = DeploymentProtectionPayload.Parse(body, delivery);
        if (problem is not null)
            return Refuse(delivery, eventName, StatusCodes.Status400BadRequest, "shape", problem);
        if (review is null)
            return Results.Ok();

        // A redelivery is recognised by the stored review (one per run, environment and deployment), not by delivery id.
        GitHubLog.ProtectionRuleRequested(logger, review.RunId, review.Environment, review.CommitSha, review.SenderLogin, delivery);

        // Stored, then answered at once (GitHub waits 10 s for the webhook); a job judges and answers the run. Not tied to
        // the request: once the row is written the run is never left waiting.
        await reviews.AcceptAsync(review, CancellationToken.None);
        return Results.Ok();
    }

    /// <summary>A refusal with its reason in the body; logged at Warning once a minute per <paramref name="cause"/>, at Debug otherwise.</summary>
    private IResult Refuse(string delivery, string eventName, int status, string cause, string reason)
    {
        var (level, repeats) = mistakes.Next($"github:{status}:{cause}");
        GitHubLog.WebhookRefused(logger, level, Shorten(delivery), Shorten(eventName), status, reason, repeats);
        return Results.Json(new { error = reason }, statusCode: status);
    }

    private static string Shorten(string text) => text.Length <= 60 ? text : text[..60] + "…";
}
