using JobSheetQA.Bot.Chat.Outbound;
using JobSheetQA.Bot.Chat.Replies;
using JobSheetQA.Bot.GitHub.ProtectionRules;
using JobSheetQA.Bot.Promotions.ProtectionRules;

namespace JobSheetQA.Bot.Chat.Promotions;

/// <summary>
/// Words a protection rule review, sends it to GitHub as the run's review, and posts runs started from the Actions tab
/// to every subscribed conversation (once per review, keyed by its promotion).
/// </summary>
public sealed class ProtectionRuleAnswerer(IDeploymentProtectionReviews reviews, ConversationPoster poster, ILogger<ProtectionRuleAnswerer> logger) : IProtectionRuleAnswers
{
    public async Task<bool> AnswerAsync(ProtectionRuleReview review, CancellationToken cancellationToken)
    {
        var request = review.Request;
        string comment;
        var approve = review.Approved;
        try
        {
            comment = ProtectionRuleText.Comment(review);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            ChatLog.ProtectionRuleWordingFailed(logger, request.RunId, ex);
            (comment, approve) = (ProtectionRuleText.FallbackRejection, false);
        }

        var sent = await reviews.ReviewAsync(request.RunId, request.Environment, approve, comment, cancellationToken);
        if (!sent.Succeeded)
            ChatLog.ProtectionRuleReviewNotSent(logger, request.RunId, request.Environment, sent.Error.Kind.ToString(), sent.Error.Message);

        if (review.StartedOutsideChat)
        {
            var key = $"protection-rule:{review.PromotionId ?? request.ReviewKey}";
            await poster.PostToSubscribersAsync(() => Task.FromResult<Reply?>(ProtectionRuleText.Notice(review)), key, "protection-rule", review.PromotionId,
                outcomesOnly: false, except: null, cancellationToken);
        }

        return sent.Succeeded;
    }
}
