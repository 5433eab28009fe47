namespace JobSheetQA.Bot.GitHub.ProtectionRules;

/// <summary>Answers a custom deployment protection rule: <c>POST …/actions/runs/{run_id}/deployment_protection_rule</c>.</summary>
public interface IDeploymentProtectionReviews
{
    /// <summary>Approves or rejects the run's deployment to <paramref name="environment"/>, with a comment GitHub shows on the run.</summary>
    Task<GitHubResult<bool>> ReviewAsync(long runId, string environment, bool approve, string comment, CancellationToken cancellationToken = default);
}
