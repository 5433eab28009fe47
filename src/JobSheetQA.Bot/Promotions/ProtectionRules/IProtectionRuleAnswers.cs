namespace JobSheetQA.Bot.Promotions.ProtectionRules;

/// <summary>
/// Words a protection rule review as the answer GitHub shows, and reports runs started outside the bot (docs/architecture.md,
/// "Posting vocabulary"). Chat implements it: the comment GitHub shows is worded where every other message is.
/// </summary>
public interface IProtectionRuleAnswers
{
    /// <summary>The answer to send; a review that cannot be worded is still answered, as a rejection (fail closed).</summary>
    ProtectionRuleAnswer Word(ProtectionRuleReview review);

    /// <summary>Reports the review; Chat posts a run started outside the bot to every subscribed conversation, once per review.</summary>
    Task ReportAsync(ProtectionRuleReview review, CancellationToken cancellationToken);
}

/// <summary>What GitHub is told: <c>approved</c> or <c>rejected</c>, with the comment it shows on the run.</summary>
public sealed record ProtectionRuleAnswer(bool Approved, string Comment);
