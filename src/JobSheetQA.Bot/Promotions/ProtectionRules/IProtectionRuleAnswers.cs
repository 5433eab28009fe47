namespace JobSheetQA.Bot.Promotions.ProtectionRules;

/// <summary>
/// Sends a protection rule review to GitHub and tells the subscribed conversations about runs started outside the bot.
/// Chat implements it: the comment GitHub shows is worded where every other message is.
/// </summary>
public interface IProtectionRuleAnswers
{
    /// <returns>True when GitHub took the review.</returns>
    Task<bool> AnswerAsync(ProtectionRuleReview review, CancellationToken cancellationToken);
}
