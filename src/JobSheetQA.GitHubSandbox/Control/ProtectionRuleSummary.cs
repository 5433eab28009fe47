namespace JobSheetQA.GitHubSandbox.Control;

/// <summary>Where a run's deployment protection rule stands.</summary>
/// <param name="State"><c>approved</c>, <c>rejected</c>, or null while unanswered.</param>
/// <param name="Comment">The answer's comment as GitHub would show it.</param>
/// <param name="Reviews">Decisive answers received (the first counts; later ones are refused with 422).</param>
/// <param name="DeliveredAt">When the sandbox sent the <c>deployment_protection_rule</c> webhook; null when it has not.</param>
public sealed record ProtectionRuleSummary(string? State, string? Comment, int Reviews, DateTimeOffset? DeliveredAt);
