using JobSheetQA.Bot.Storage.Entities;

namespace JobSheetQA.Bot.Storage;

/// <summary>The answer to <see cref="PromotionStore.UpdateAsync"/>; <see cref="Promotion"/> is the saved row when updated.</summary>
public sealed record PromotionUpdate(PromotionUpdateStatus Status, PromotionEntity? Promotion = null);
