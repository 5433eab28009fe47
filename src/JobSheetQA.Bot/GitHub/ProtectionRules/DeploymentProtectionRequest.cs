namespace JobSheetQA.Bot.GitHub.ProtectionRules;

/// <summary>
/// A <c>deployment_protection_rule</c> / <c>requested</c> delivery: a job of workflow run <paramref name="RunId"/> waits
/// to deploy <paramref name="CommitSha"/> to <paramref name="Environment"/> until the App answers
/// (https://docs.github.com/en/actions/how-tos/deploy/configure-and-manage-deployments/create-custom-protection-rules).
/// </summary>
/// <param name="Delivery">The <c>X-GitHub-Delivery</c> id (reused by redeliveries).</param>
/// <param name="Environment">The environment the job deploys to (<c>environment</c>).</param>
/// <param name="Event">What started the run (<c>event</c>): <c>workflow_dispatch</c>, <c>push</c> …</param>
/// <param name="DeploymentId">The deployment GitHub created for this job; a re-run asks again with a new one.</param>
/// <param name="CommitSha">The commit being deployed (<c>deployment.sha</c>): what is judged, never HEAD.</param>
/// <param name="Ref">The deployment's ref (<c>deployment.ref</c>), usually the branch name.</param>
/// <param name="RunId">The run, read from <c>deployment_callback_url</c> (<c>…/actions/runs/{run_id}/deployment_protection_rule</c>).</param>
/// <param name="SenderLogin">Who started the run (<c>sender.login</c>), as GitHub signed it.</param>
/// <param name="Repository">The repository's <c>owner/name</c> (<c>repository.full_name</c>).</param>
/// <param name="CallbackUrl"><c>deployment_callback_url</c>, kept with the pending review.</param>
public sealed record DeploymentProtectionRequest(
    string Delivery,
    string Environment,
    string Event,
    long DeploymentId,
    string CommitSha,
    string Ref,
    long RunId,
    string SenderLogin,
    string Repository,
    string CallbackUrl)
{
    /// <summary>The webhook event name (<c>X-GitHub-Event</c>).</summary>
    public const string EventName = "deployment_protection_rule";

    /// <summary>Identifies one decision GitHub waits for: redeliveries and duplicate deliveries share it.</summary>
    public string ReviewKey => $"{Repository}:{RunId}:{Environment}:{DeploymentId}";
}
