namespace JobSheetQA.Bot.GitHub.Client;

/// <summary>A required reviewer: <c>type</c> is <c>User</c> or <c>Team</c>.</summary>
public sealed class PendingDeploymentReviewer
{
    public string? Type { get; set; }

    public PendingDeploymentReviewerIdentity? Reviewer { get; set; }
}
