using JobSheetQA.Bot.Storage;
using JobSheetQA.Bot.Storage.Entities;

namespace JobSheetQA.Bot.Promotions;

/// <summary>What <see cref="PromotionTransitions.MoveAsync"/> did.</summary>
public enum PromotionMoveStatus
{
    /// <summary>Persisted, audited, and (for a final state) the environment released.</summary>
    Moved,

    /// <summary>The promotion was already there: nothing changed (a repeated message or job run).</summary>
    AlreadyThere,

    /// <summary>The state machine does not allow it from where the promotion is (see <see cref="PromotionMove.Promotion"/>).</summary>
    NotAllowed,

    NotFound,
}

/// <summary>The answer to a move, with the promotion as it stands after it.</summary>
public sealed record PromotionMove(PromotionMoveStatus Status, PromotionEntity? Promotion)
{
    /// <summary>True when this call made the move; only that caller goes on to act on it (post, dispatch…).</summary>
    public bool Moved => Status == PromotionMoveStatus.Moved;
}
