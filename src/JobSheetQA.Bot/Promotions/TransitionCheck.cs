namespace JobSheetQA.Bot.Promotions;

/// <summary>What <see cref="PromotionLifecycle.Check"/> says of a move.</summary>
public enum TransitionCheck
{
    /// <summary>The move is one the state machine has.</summary>
    Allowed,

    /// <summary>The promotion is already there: a repeat, to be answered without changing anything.</summary>
    AlreadyThere,

    /// <summary>The move skips or reverses the lifecycle (e.g. a finished promotion running again).</summary>
    NotAllowed,
}
