namespace JobSheetQA.Rules.Facts;

/// <summary>A promotion that holds its environment: evaluated, awaiting acknowledgement, dispatched or running.</summary>
public sealed record PromotionInFlight(string PromotionId, string Environment, string RequestedBy, DateTimeOffset Since);
