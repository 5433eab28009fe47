using JobSheetQA.Bot.Chat.Replies;
using JobSheetQA.Bot.Storage.Entities;

namespace JobSheetQA.Bot.Jobs;

/// <summary>
/// What the tracker posts after a production promotion succeeds: the prompt for the read-only posture checklist
/// (runbook §4.2). The one place to swap in the interactive checklist reply when it exists.
/// </summary>
public static class PostureChecklistPrompt
{
    public static string IdempotencyKey(string promotionId) => $"posture-checklist:{promotionId}";

    public static Reply Build(PromotionEntity promotion) => Reply.Text(
        $"📋 **Read-only posture checklist** for {promotion.Id} (runbook §4.2): production now runs {Short(promotion.CommitSha)}. "
        + "Please confirm that ENABLE_PURGE_EXECUTION and ENABLE_SCHEDULER are false or unset, no writes ran during the "
        + "deploy, and the application is healthy. Type `posture` to see the flags as GitHub has them now.");

    private static string Short(string sha) => sha.Length > 7 ? sha[..7] : sha;
}
