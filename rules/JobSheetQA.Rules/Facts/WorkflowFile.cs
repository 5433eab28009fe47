using JobSheetQA.Rules.Workflow;

namespace JobSheetQA.Rules.Facts;

/// <summary>The promotion workflow file as found on the promoted ref (runbook §5.1).</summary>
/// <param name="Path">Repository path, e.g. <c>.github/workflows/promotion.yml</c>.</param>
/// <param name="Ref">The ref it was read from.</param>
/// <param name="Analysis">What the analyser found; null when the file does not exist on that ref.</param>
public sealed record WorkflowFile(string Path, string Ref, WorkflowAnalysis? Analysis)
{
    public bool Found => Analysis is not null;
}
