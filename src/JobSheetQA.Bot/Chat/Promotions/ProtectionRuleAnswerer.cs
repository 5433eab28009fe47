using JobSheetQA.Bot.Chat.Outbound;
using JobSheetQA.Bot.Chat.Replies;
using JobSheetQA.Bot.Promotions.ProtectionRules;

namespace JobSheetQA.Bot.Chat.Promotions;

/// <summary>
/// Words a protection rule review as GitHub's answer, and posts runs started from the Actions tab to every subscribed
/// conversation (once per review, keyed by its promotion).
/// </summary>
public sealed class ProtectionRuleAnswerer(ConversationPoster poster, ILogger<ProtectionRuleAnswerer> logger) : IProtectionRuleAnswers
{
    public ProtectionRuleAnswer Word(ProtectionRuleReview review)
    {
        try
        {
            return new ProtectionRuleAnswer(review.Approved, ProtectionRuleText.Comment(review));
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            ChatLog.ProtectionRuleWordingFailed(logger, review.Request.RunId, ex);
            return new ProtectionRuleAnswer(false, ProtectionRuleText.FallbackRejection);
        }
    }

    public async Task ReportAsync(ProtectionRuleReview review, CancellationToken cancellationToken)
    {
        if (!review.StartedOutsideChat)
            return;

        var key = $"protection-rule:{review.PromotionId ?? review.Request.ReviewKey}";
        await poster.PostToSubscribersAsync(() => Task.FromResult<Reply?>(ProtectionRuleText.Notice(review)), key, "protection-rule", review.PromotionId,
            outcomesOnly: false, except: null, cancellationToken);
    }
}
