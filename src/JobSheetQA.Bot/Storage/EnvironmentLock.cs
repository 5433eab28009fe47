namespace JobSheetQA.Bot.Storage;

/// <summary>Who holds an environment, and since when.</summary>
public sealed record EnvironmentLock(string Environment, string PromotionId, string HeldBy, DateTimeOffset Since);
