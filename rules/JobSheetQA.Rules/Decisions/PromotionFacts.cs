using JobSheetQA.Rules.Facts;
using JobSheetQA.Rules.Policy;

namespace JobSheetQA.Rules.Decisions;

/// <summary>Everything a promotion decision reads: the request, the policy and what was found on GitHub and in storage.</summary>
public sealed record PromotionFacts(
    PromotionRequest Request,
    PromotionPolicy Policy,
    DecisionContext Context,
    WorkflowFile Workflow,
    SecretInventory Secrets,
    IReadOnlyList<PostureFlag> PostureFlags,
    IReadOnlyList<WriteWindow> WriteWindows,
    IReadOnlyList<CompletedPromotion> PriorPromotions,
    IReadOnlyList<StagingVerification> Verifications,
    NightlyParityResult? NightlyParity,
    IReadOnlyList<PromotionInFlight> InFlight)
{
    /// <summary>The requester's answers to the read-only posture checklist (runbook §4.2) given for this promotion, if any.</summary>
    public IReadOnlyList<PostureChecklistAnswer> PostureChecklists { get; init; } = [];

    /// <summary>Every fact as the engine inserts it into a session.</summary>
    public IEnumerable<object> All()
    {
        yield return Request;
        yield return Policy;
        yield return Context;
        yield return Workflow;
        yield return Secrets;
        foreach (var flag in PostureFlags) yield return flag;
        foreach (var window in WriteWindows) yield return window;
        foreach (var promotion in PriorPromotions) yield return promotion;
        foreach (var verification in Verifications) yield return verification;
        if (NightlyParity is not null) yield return NightlyParity;
        foreach (var promotion in InFlight) yield return promotion;
        foreach (var answer in PostureChecklists) yield return answer;
    }
}
