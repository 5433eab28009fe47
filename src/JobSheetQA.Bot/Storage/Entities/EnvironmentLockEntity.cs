namespace JobSheetQA.Bot.Storage.Entities;

/// <summary>The promotion that holds an environment. The environment is the key, so the database itself refuses a second holder (LOCK).</summary>
public sealed class EnvironmentLockEntity
{
    public required string Environment { get; set; }

    public required string PromotionId { get; set; }

    /// <summary>Who the holder is, as shown in chat ("staging is held by Alice since …").</summary>
    public required string HeldBy { get; set; }

    public DateTimeOffset Since { get; set; }
}
