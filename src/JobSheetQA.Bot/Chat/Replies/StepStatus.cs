using JobSheetQA.Rules.Facts;

namespace JobSheetQA.Bot.Chat.Replies;

/// <summary>One gate (or the deploy step) on a status card.</summary>
public sealed record StepStatus(PromotionStep Step, StepOutcome Outcome);
