namespace JobSheetQA.Bot.GitHub.Client;

/// <summary>A user (<c>login</c>) or team (<c>slug</c>, <c>name</c>).</summary>
public sealed class PendingDeploymentReviewerIdentity
{
    public string? Login { get; set; }

    public string? Slug { get; set; }

    public string? Name { get; set; }
}
