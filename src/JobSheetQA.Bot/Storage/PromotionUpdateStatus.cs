namespace JobSheetQA.Bot.Storage;

public enum PromotionUpdateStatus
{
    Updated,
    NotFound,

    /// <summary>Someone else changed the promotion since it was read; read it again and decide again.</summary>
    Conflict,
}
