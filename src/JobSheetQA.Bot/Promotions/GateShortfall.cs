using JobSheetQA.Bot.Storage;
using JobSheetQA.Rules.Facts;

namespace JobSheetQA.Bot.Promotions;

/// <summary>A step that did not really run and pass, and how (<see cref="PromotionFailure.GateMissing"/>, <see cref="PromotionFailure.GateSkipped"/>, <see cref="PromotionFailure.GateNotPassed"/>).</summary>
public sealed record GateShortfall(PromotionStep Gate, PromotionFailure Failure);
