namespace JobSheetQA.Bot.Storage;

/// <summary>Where a promotion stands (the allowed moves are <c>PromotionLifecycle</c>'s). Stored by name, so values can be
/// added without renumbering.</summary>
public enum PromotionState
{
    Requested,
    Evaluated,
    AwaitingAcknowledgement,
    Dispatched,
    Running,
    Succeeded,
    Failed,
    Cancelled,
    Refused,
    Expired,
}
