using JobSheetQA.Bot.Storage;

namespace JobSheetQA.Bot.Promotions;

/// <summary>
/// The promotion state machine: requested → evaluated → (awaiting acknowledgement) → dispatched →
/// running → succeeded / failed / cancelled, or refused / expired on the way. A move to the state a promotion is
/// already in changes nothing, so a repeated chat message or job run is harmless.
/// </summary>
public static class PromotionLifecycle
{
    private static readonly IReadOnlyDictionary<PromotionState, PromotionState[]> Next = new Dictionary<PromotionState, PromotionState[]>
    {
        [PromotionState.Requested] = [PromotionState.Evaluated, PromotionState.Refused, PromotionState.Cancelled],
        // Failed: GitHub definitely refused the dispatch, so no run exists and the environment is freed.
        [PromotionState.Evaluated] = [PromotionState.AwaitingAcknowledgement, PromotionState.Dispatched, PromotionState.Refused, PromotionState.Failed, PromotionState.Cancelled],
        // A wrong phrase is refused with the phrase expected (runbook §5.4), but the prompt stays open until it expires.
        [PromotionState.AwaitingAcknowledgement] = [PromotionState.Dispatched, PromotionState.Refused, PromotionState.Failed, PromotionState.Expired, PromotionState.Cancelled],
        // A fast run can finish before the tracker ever sees it running.
        [PromotionState.Dispatched] = [PromotionState.Running, PromotionState.Succeeded, PromotionState.Failed, PromotionState.Cancelled],
        [PromotionState.Running] = [PromotionState.Succeeded, PromotionState.Failed, PromotionState.Cancelled],
        [PromotionState.Succeeded] = [],
        [PromotionState.Failed] = [],
        [PromotionState.Cancelled] = [],
        [PromotionState.Refused] = [],
        [PromotionState.Expired] = [],
    };

    public static bool IsFinal(PromotionState state) => Next[state].Length == 0;

    /// <summary>Until it is final, a promotion holds its environment (one in flight per environment).</summary>
    public static bool IsInFlight(PromotionState state) => !IsFinal(state);

    public static IReadOnlyList<PromotionState> NextStates(PromotionState state) => Next[state];

    /// <summary>Judges a move: allowed, already done (nothing to do), or not allowed from where the promotion is.</summary>
    public static TransitionCheck Check(PromotionState from, PromotionState to) =>
        from == to ? TransitionCheck.AlreadyThere
        : Next[from].Contains(to) ? TransitionCheck.Allowed
        : TransitionCheck.NotAllowed;
}
