using JobSheetQA.Bot.Chat.Replies;
using JobSheetQA.Bot.Storage;
using JobSheetQA.Bot.Storage.Entities;
using JobSheetQA.Rules.Facts;

namespace JobSheetQA.Bot.Chat.Promotions;

/// <summary>
/// The one status card a promotion has in its conversation (docs/architecture.md, "Data flow"): the five gates and the deploy step,
/// updated in place as the run progresses. The update key is the promotion id, so every post of it replaces the last.
/// </summary>
public static class PromotionStatusCard
{
    public static string UpdateKey(string promotionId) => $"status:{promotionId}";

    public static Reply Build(PromotionEntity promotion)
    {
        var outcomes = promotion.GateResults.ToDictionary(g => g.Step, g => g.Outcome);
        var steps = Enum.GetValues<PromotionStep>()
            .Select(step => new StepStatus(step, outcomes.GetValueOrDefault(step, StepOutcome.Pending)))
            .ToList();
        var title = $"promote {promotion.Environment}{(promotion.SkipParity ? " (parity skipped)" : "")} · {PromotionText.Commit(promotion.CommitSha)} · {promotion.RequesterDisplayName} · {promotion.Id}";
        var card = new StatusCardBlock(title, StateInWords(promotion, steps), steps, promotion.RunUrl) { Phase = PhaseOf(promotion.State) };
        return new Reply([card], UpdateKey(promotion.Id));
    }

    /// <summary>The idempotency key of one version of the card: the same content is never posted twice.</summary>
    public static string VersionKey(PromotionEntity promotion)
    {
        var steps = string.Join(',', promotion.GateResults.OrderBy(g => g.Step).Select(g => $"{(int)g.Step}{(int)g.Outcome}"));
        return $"{UpdateKey(promotion.Id)}:{promotion.State}:{steps}:{promotion.RunId}";
    }

    private static StatusCardPhase PhaseOf(PromotionState state) => state switch
    {
        PromotionState.Succeeded => StatusCardPhase.Succeeded,
        PromotionState.Failed => StatusCardPhase.Failed,
        PromotionState.Cancelled or PromotionState.Refused or PromotionState.Expired => StatusCardPhase.Stopped,
        _ => StatusCardPhase.InProgress,
    };

    private static string StateInWords(PromotionEntity promotion, IReadOnlyList<StepStatus> steps)
    {
        var failed = steps.FirstOrDefault(s => s.Outcome == StepOutcome.Failed);
        return promotion.State switch
        {
            PromotionState.Failed when failed is not null => $"failed at {failed.Step.DisplayName()}",
            PromotionState.Failed when promotion.RunHeadSha is { } built && !promotion.RunBuiltJudgedCommit => $"failed: the run built {PromotionText.Commit(built)}",
            PromotionState.Failed when promotion.Failure == PromotionFailure.RunGone => "failed: GitHub no longer finds the run (404)",
            PromotionState.Failed when promotion.FailureGate is { } gate => $"failed: {gate.DisplayName()} did not {(promotion.Failure == PromotionFailure.GateNotPassed ? "pass" : "run")}",
            PromotionState.Running when steps.FirstOrDefault(s => s.Outcome == StepOutcome.Running) is { } running => $"running: {running.Step.DisplayName()}",
            PromotionState.AwaitingAcknowledgement => "awaiting acknowledgement",
            _ => PromotionText.State(promotion.State),
        };
    }

}
