namespace JobSheetQA.Rules.Facts;

/// <summary>Evidence of an earlier promotion of a commit: its conclusion and per-gate results (runbook §3).</summary>
/// <param name="PromotionId">The bot's promotion id.</param>
/// <param name="Environment">Where it was promoted.</param>
/// <param name="CommitSha">The commit it deployed.</param>
/// <param name="Succeeded">True when the run concluded with success.</param>
/// <param name="Steps">The outcome of each gate and of the deploy step.</param>
/// <param name="ParitySkipped">True when parity was skipped with the acknowledgement (staging only).</param>
/// <param name="CompletedAt">When the run finished.</param>
public sealed record CompletedPromotion(
    string PromotionId,
    string Environment,
    string CommitSha,
    bool Succeeded,
    IReadOnlyDictionary<PromotionStep, StepOutcome> Steps,
    bool ParitySkipped,
    DateTimeOffset CompletedAt)
{
    /// <summary>Every gate passed, or parity was skipped with an acknowledgement, and the deploy step passed.</summary>
    public bool IsCleanSuccess =>
        Succeeded
        && Enum.GetValues<PromotionStep>().All(step =>
            Steps.TryGetValue(step, out var outcome)
            && (outcome == StepOutcome.Passed || (step == PromotionStep.ParityGate && ParitySkipped && outcome == StepOutcome.Skipped)));
}
