using System.Text.Json.Nodes;
using JobSheetQA.GitHubSandbox.Simulation;
using JobSheetQA.GitHubSandbox.Webhooks;

namespace JobSheetQA.GitHubSandbox.ProtectionRules;

/// <summary>
/// The <c>deployment_protection_rule</c> / <c>requested</c> webhook GitHub sends a protection rule's App when a job that
/// deploys to a gated environment is about to start
/// (https://docs.github.com/en/webhooks/webhook-events-and-payloads#deployment_protection_rule), and how it is signed.
/// </summary>
public static class ProtectionRuleDelivery
{
    public const string EventName = "deployment_protection_rule";

    /// <summary>The payload for <paramref name="runId"/>'s Deploy job; <paramref name="apiBase"/> is the sandbox's
    /// <c>…/api/v3/</c> root, so the callback URL points back at the sandbox.</summary>
    public static string Body(long runId, string environment, string headSha, string headBranch, string actor, long deploymentId,
        Uri apiBase, string owner, string repo, long installationId)
    {
        var repoApi = new Uri(apiBase, $"repos/{owner}/{repo}").ToString();
        var sender = new JsonObject
        {
            ["login"] = actor,
            ["id"] = actor.EndsWith("[bot]", StringComparison.Ordinal) ? 41_898_282 : 1_001,
            ["node_id"] = "U_" + actor,
            ["type"] = actor.EndsWith("[bot]", StringComparison.Ordinal) ? "Bot" : "User",
            ["site_admin"] = false,
        };
        return new JsonObject
        {
            ["action"] = "requested",
            ["environment"] = environment,
            ["event"] = "workflow_dispatch",
            ["deployment_callback_url"] = $"{repoApi}/actions/runs/{runId}/deployment_protection_rule",
            ["deployment"] = new JsonObject
            {
                ["url"] = $"{repoApi}/deployments/{deploymentId}",
                ["id"] = deploymentId,
                ["node_id"] = "DE_" + deploymentId,
                ["sha"] = headSha,
                ["ref"] = headBranch,
                ["task"] = "deploy",
                ["payload"] = new JsonObject(),
                ["original_environment"] = environment,
                ["environment"] = environment,
                ["description"] = null,
                ["creator"] = sender.DeepClone(),
                ["created_at"] = "2026-01-05T00:00:00Z",
                ["updated_at"] = "2026-01-05T00:00:00Z",
                ["statuses_url"] = $"{repoApi}/deployments/{deploymentId}/statuses",
                ["repository_url"] = repoApi,
            },
            ["pull_requests"] = new JsonArray(),
            ["repository"] = new JsonObject
            {
                ["id"] = 300_029_405,
                ["name"] = repo,
                ["full_name"] = $"{owner}/{repo}",
                ["private"] = true,
                ["owner"] = new JsonObject { ["login"] = owner, ["type"] = "Organization" },
                ["url"] = repoApi,
            },
            ["installation"] = new JsonObject { ["id"] = installationId, ["node_id"] = "I_" + installationId },
            ["sender"] = sender,
        }.ToJsonString();
    }

    /// <summary>Builds the delivery for a simulated run.</summary>
    internal static string Body(SimulatedRun run, Uri apiBase, string owner, string repo, long installationId) =>
        Body(run.Id, run.TargetEnvironment, run.HeadSha, run.HeadBranch, run.Actor, run.DeploymentId,
            apiBase, owner, repo, installationId);

    /// <summary>A signed POST of the <c>deployment_protection_rule</c> event (<see cref="HookshotRequest"/>).</summary>
    public static HttpRequestMessage Request(Uri target, string body, string delivery, string? secret) =>
        HookshotRequest.Create(target, EventName, body, delivery, secret);
}
