using JobSheetQA.Rules.Facts;

namespace JobSheetQA.Bot.Storage;

/// <summary>The facts of a <c>PromotionFacts</c> that come from the bot's own database.</summary>
public sealed record StoredFacts(
    IReadOnlyList<CompletedPromotion> PriorPromotions,
    IReadOnlyList<StagingVerification> Verifications,
    IReadOnlyList<WriteWindow> WriteWindows,
    IReadOnlyList<PromotionInFlight> InFlight)
{
    /// <summary>The requester's pre-dispatch posture checklist for the promotion judged (runbook §4.2), if answered.</summary>
    public IReadOnlyList<PostureChecklistAnswer> PostureChecklists { get; init; } = [];
}
