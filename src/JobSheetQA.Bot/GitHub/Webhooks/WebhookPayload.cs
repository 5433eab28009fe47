using System.Text.Json;
using Octokit.Webhooks;
using Octokit.Webhooks.Events;
using Octokit.Webhooks.Events.WorkflowJob;
using Octokit.Webhooks.Events.WorkflowRun;

namespace JobSheetQA.Bot.GitHub.Webhooks;

/// <summary>
/// A signed, strict-JSON delivery of an event the bot handles, read into Octokit.Webhooks' model and checked for what the
/// handler uses: the <see cref="Event"/>; or a <see cref="Problem"/> (a member of the wrong type, another event's body under
/// this event's header, no <c>action</c>, no run id: the sender's mistake, a 400); or <see cref="Ignored"/> (an action this
/// version does not know, which GitHub may add at any time: acknowledged, not failed).
/// </summary>
public sealed record WebhookPayload(WebhookEvent? Event, string? Problem = null, string? Ignored = null)
{
    private static readonly Dictionary<string, HashSet<string>> Actions = new(StringComparer.Ordinal)
    {
        ["workflow_run"] = [WorkflowRunActionValue.Requested, WorkflowRunActionValue.InProgress, WorkflowRunActionValue.Completed],
        ["workflow_job"] = [WorkflowJobActionValue.Queued, WorkflowJobActionValue.InProgress, WorkflowJobActionValue.Completed, WorkflowJobActionValue.Waiting],
    };

    /// <summary>The events read here, by <c>X-GitHub-Event</c>; others are acknowledged without being read.</summary>
    public static bool IsHandled(string eventName) => Actions.ContainsKey(eventName);

    /// <summary>Reads <paramref name="body"/> (already strict JSON) as the <paramref name="headers"/>' event, which must be handled.</summary>
    public static WebhookPayload Read(WebhookEventProcessor processor, WebhookHeaders headers, string body)
    {
        var eventName = headers.Event ?? "";
        using (var document = JsonDocument.Parse(body))
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
                return new WebhookPayload(null, Problem: "the body is not a JSON object");
            if (!root.TryGetProperty("action", out var action) || action.ValueKind != JsonValueKind.String)
                return new WebhookPayload(null, Problem: "action is missing or not a string");
            if (!Actions[eventName].Contains(action.GetString()!))
                return new WebhookPayload(null, Ignored: $"action '{Shorten(action.GetString()!)}' of {eventName}");
        }

        WebhookEvent? webhookEvent;
        try
        {
            webhookEvent = processor.DeserializeWebhookEvent(headers, body);
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            // Deserialising reads nothing but the body, so whatever it throws is about the body.
            return new WebhookPayload(null, Problem: $"the body is not a {eventName} payload ({exception.GetType().Name})");
        }

        var problem = webhookEvent switch
        {
            WorkflowRunEvent { WorkflowRun: null } => "workflow_run is missing",
            WorkflowRunEvent { WorkflowRun.Id: <= 0 } => "workflow_run.id is not a run id",
            WorkflowJobEvent { WorkflowJob: null } => "workflow_job is missing",
            WorkflowJobEvent { WorkflowJob.RunId: <= 0 } => "workflow_job.run_id is not a run id",
            WorkflowRunEvent or WorkflowJobEvent => null,
            _ => $"the body is not a {eventName} payload",
        };
        return problem is null ? new WebhookPayload(webhookEvent) : new WebhookPayload(null, Problem: problem);
    }

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "…";
}
