namespace JobSheetQA.Rules.Facts;

/// <summary>Where a gate or the deploy step stands in a workflow run.</summary>
public enum StepOutcome
{
    Pending,
    Running,
    Passed,
    Failed,
    Skipped,
    Cancelled,
}
