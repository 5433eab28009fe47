namespace JobSheetQA.Bot.Promotions.ProtectionRules;

/// <summary>
/// Words a protection rule review as the answer GitHub shows, and tells the subscribed conversations about runs started
/// outside the bot. Chat implements it: the comment GitHub shows is worded where every other message is.
/// </summary>
public interface IProtectionRuleAnswers
{
    /// <summary>The answer to send; a review that cannot be worded is still answered, as a rejection (fail closed).</summary>
    ProtectionRuleAnswer Word(ProtectionRuleReview review);

    /// <summary>Posts a run started outside the bot to every subscribed conversation, once per review.</summary>
    Task AnnounceAsync(ProtectionRuleReview review, CancellationToken cancellationToken);
}

/// <summary>What GitHub is told: <c>approved</c> or <c>rejected</c>, with the comment it shows on the run.</summary>
public sealed record ProtectionRuleAnswer(bool Approved, string Comment);
