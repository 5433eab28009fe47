using JobSheetQA.GitHubSandbox.Webhooks;

namespace JobSheetQA.Bot.Tests.GitHub.Webhooks;

/// <summary>
/// GitHub webhook deliveries as GitHub sends them: a <c>workflow_run</c> or <c>workflow_job</c> body in the documented
/// shape (the sandbox's <see cref="WorkflowDelivery"/>, every member Octokit.Webhooks requires), sent and signed as
/// Hookshot does (<see cref="HookshotRequest"/>).
/// </summary>
public static class WebhookDeliveries
{
    public const string Owner = "contoso";
    public const string Repo = "job-sheet-qa-auditor";

    private const string HeadSha = "9f2c4e1a7b3d5c6e8f0a1b2c3d4e5f60718293a4";
    private const string Actor = "jobsheetqa-bot[bot]";
    private static readonly Uri Api = new("https://api.github.com/");

    public static string WorkflowRun(string action, long runId, string displayTitle, string status, string? conclusion) =>
        WorkflowDelivery.Run(action, runId, runNumber: 7, displayTitle, status, conclusion, HeadSha, "main", Actor, Api, Owner, Repo);

    public static string WorkflowJob(string action, long runId, long jobId, string name, string status, string? conclusion) =>
        WorkflowDelivery.Job(action, runId, jobId, name, status, conclusion, HeadSha, Actor, Api, Owner, Repo);

    /// <summary>A POST to the webhook endpoint, signed with <paramref name="secret"/> (unsigned when null).</summary>
    public static HttpRequestMessage Request(string eventName, string body, string delivery, string? secret) =>
        HookshotRequest.Create(new Uri("/api/github/webhooks", UriKind.Relative), eventName, body, delivery, secret);

    public static string Signature(string secret, string body) => HookshotRequest.Signature(secret, body);
}
