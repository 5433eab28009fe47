using JobSheetQA.Rules.Facts;

namespace JobSheetQA.Bot.GitHub;

/// <summary>A run's jobs mapped onto the runbook's five gates and the deploy step (§2.3).</summary>
/// <param name="Steps">Every <see cref="PromotionStep"/> with its outcome.</param>
/// <param name="Jobs">The jobs the outcomes were derived from.</param>
/// <param name="UnmappedJobs">Job names that belong to no gate (shown for information only).</param>
public sealed record RunGates(
    IReadOnlyDictionary<PromotionStep, StepOutcome> Steps,
    IReadOnlyList<WorkflowJobSnapshot> Jobs,
    IReadOnlyList<string> UnmappedJobs)
{
    /// <summary>The first gate, in workflow order, that failed; null when none has.</summary>
    public PromotionStep? FirstFailed =>
        Enum.GetValues<PromotionStep>().Where(s => Steps.TryGetValue(s, out var o) && o == StepOutcome.Failed).Select(s => (PromotionStep?)s).FirstOrDefault();
}
