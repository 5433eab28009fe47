namespace JobSheetQA.Bot.Storage;

/// <summary>How an optimistic update of a promotion ended.</summary>
public enum PromotionUpdateStatus
{
    Updated,
    NotFound,

    /// <summary>Someone else changed the promotion since it was read; read it again and decide again.</summary>
    Conflict,
}
