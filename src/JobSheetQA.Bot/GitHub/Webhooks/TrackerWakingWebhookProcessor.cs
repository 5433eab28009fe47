using JobSheetQA.Bot.Storage;
using Microsoft.Extensions.Primitives;
using Octokit.Webhooks;
using Octokit.Webhooks.Events;
using Octokit.Webhooks.Events.WorkflowJob;
using Octokit.Webhooks.Events.WorkflowRun;

namespace JobSheetQA.Bot.GitHub.Webhooks;

/// <summary>
/// Handles signature-checked deliveries (docs/architecture.md, "Data flow"): <c>workflow_run</c> and <c>workflow_job</c>
/// (https://docs.github.com/en/webhooks/webhook-events-and-payloads#workflow_run) wake the tracker early; other events
/// are accepted and ignored. A redelivery (same <c>X-GitHub-Delivery</c>) is handled once.
/// </summary>
public sealed class TrackerWakingWebhookProcessor(
    WorkflowRunWaker waker, InboundDeduplicator deduplicator, TimeProvider time, ILogger<TrackerWakingWebhookProcessor> logger) : WebhookEventProcessor
{
    /// <summary>The <see cref="InboundDeduplicator"/> channel for webhook deliveries.</summary>
    public const string DeliveryChannel = "github-webhook";

    /// <summary>Other events (ping, push …) are acknowledged without being parsed: a payload shape this library does not
    /// know must not turn into a failed delivery on GitHub's side (<see cref="GitHubWebhookReceiver"/> calls only
    /// <see cref="WebhookPayload.IsHandled"/> events; this guards any other caller).</summary>
    public override ValueTask ProcessWebhookAsync(IDictionary<string, StringValues> headers, string body, CancellationToken cancellationToken = default) =>
        headers.TryGetValue("X-GitHub-Event", out var eventName) && WebhookPayload.IsHandled(eventName.ToString())
            ? base.ProcessWebhookAsync(headers, body, cancellationToken)
            : ValueTask.CompletedTask;

    protected override async ValueTask ProcessWorkflowRunWebhookAsync(
        WebhookHeaders headers, WorkflowRunEvent workflowRunEvent, WorkflowRunAction action, CancellationToken cancellationToken = default)
    {
        if (await FirstDeliveryAsync(headers, cancellationToken))
            await waker.WakeAsync(workflowRunEvent.WorkflowRun.Id, workflowRunEvent.WorkflowRun.DisplayTitle, cancellationToken);
    }

    protected override async ValueTask ProcessWorkflowJobWebhookAsync(
        WebhookHeaders headers, WorkflowJobEvent workflowJobEvent, WorkflowJobAction action, CancellationToken cancellationToken = default)
    {
        if (await FirstDeliveryAsync(headers, cancellationToken))
            await waker.WakeAsync(workflowJobEvent.WorkflowJob.RunId, displayTitle: null, cancellationToken);
    }

    private async Task<bool> FirstDeliveryAsync(WebhookHeaders headers, CancellationToken cancellationToken)
    {
        // Without a delivery id there is nothing to de-duplicate on; waking twice is harmless.
        if (string.IsNullOrWhiteSpace(headers.Delivery))
            return true;
        if (await deduplicator.TryMarkProcessedAsync(DeliveryChannel, headers.Delivery, time.GetUtcNow(), cancellationToken))
            return true;

        GitHubLog.WebhookRedeliveryIgnored(logger, headers.Delivery, headers.Event);
        return false;
    }
}
