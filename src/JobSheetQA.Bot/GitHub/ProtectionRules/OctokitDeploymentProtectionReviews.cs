using JobSheetQA.Bot.GitHub.Client;

namespace JobSheetQA.Bot.GitHub.ProtectionRules;

/// <summary>
/// The review call Octokit 14 lacks, through <c>IConnection</c>: body <c>{environment_name, state, comment}</c>, 204
/// (https://docs.github.com/en/rest/actions/workflow-runs#review-custom-deployment-protection-rules-for-a-workflow-run).
/// Retried like a read on 5xx and timeouts: repeating it cannot approve twice (GitHub refuses a second decisive review of the
/// same deployment), and an answer that never arrives leaves the job waiting.
/// </summary>
internal sealed class OctokitDeploymentProtectionReviews(GitHubApiExecutor api) : IDeploymentProtectionReviews
{
    /// <summary>GitHub shows at most this many characters of a review comment.</summary>
    public const int MaxCommentLength = 1024;

    public async Task<GitHubResult<bool>> ReviewAsync(long runId, string environment, bool approve, string comment, CancellationToken cancellationToken = default)
    {
        var operation = new GitHubOperation("runs.protection_rule_review", $"answer the deployment protection rule of workflow run {runId}", "Deployments: write");
        if (api.RefuseSegment(operation, "environment", environment) is { } refused)
            return refused;

        var t = api.Target;
        var uri = new Uri($"{OctokitRepositoryFacts.RepositoryPath(t)}/actions/runs/{runId}/deployment_protection_rule", UriKind.Relative);
        var body = new ProtectionRuleReviewBody
        {
            EnvironmentName = environment,
            State = approve ? "approved" : "rejected",
            Comment = comment.Length <= MaxCommentLength ? comment : comment[..(MaxCommentLength - 1)] + "…",
        };
        return await api.RunAsync(
            operation,
            async (c, ct) =>
            {
                await c.Connection.Post<object>(uri, body, "application/vnd.github+json", "application/json", parameters: null, cancellationToken: ct);
                return true;
            },
            cancellationToken);
    }
}
