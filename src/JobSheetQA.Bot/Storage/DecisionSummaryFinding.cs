using JobSheetQA.Rules.Decisions;

namespace JobSheetQA.Bot.Storage;

/// <summary>One rule that objected to a promotion, as kept with the promotion.</summary>
public sealed record DecisionSummaryFinding(string RuleId, FindingOutcome Outcome);
