namespace JobSheetQA.Bot.GitHub.Client;

/// <summary>One item of <c>GET …/actions/runs/{id}/pending_deployments</c> (not in Octokit 14).</summary>
public sealed class PendingDeploymentResponse
{
    public PendingDeploymentEnvironment? Environment { get; set; }

    public int WaitTimer { get; set; }

    public bool CurrentUserCanApprove { get; set; }

    public List<PendingDeploymentReviewer> Reviewers { get; set; } = [];
}
