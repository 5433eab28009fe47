namespace JobSheetQA.Bot.GitHub.ProtectionRules;

/// <summary>The review's JSON body; Octokit's serializer writes <c>environment_name</c>, <c>state</c>, <c>comment</c>.</summary>
internal sealed class ProtectionRuleReviewBody
{
    public required string EnvironmentName { get; init; }

    public required string State { get; init; }

    public required string Comment { get; init; }
}
