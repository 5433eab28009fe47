namespace JobSheetQA.Rules.Workflow;

/// <summary>What the analyser found in a promotion workflow file (runbook §2.1, §5.1). Line numbers are 1-based.</summary>
/// <param name="HasWorkflowDispatch">The workflow can be dispatched (<c>on: workflow_dispatch</c>).</param>
/// <param name="InputProblems">Each way the <c>workflow_dispatch</c> inputs differ from runbook §2.1; empty when they match.</param>
/// <param name="BypassLines">Lines of <c>run:</c> steps that contain <c>|| true</c>.</param>
/// <param name="AcknowledgementCheckLines">Lines that compare <c>skip_parity_acknowledgement</c> with the phrase.</param>
/// <param name="ParityReportLines">Lines that read <c>parity/reports/latest.json</c>.</param>
/// <param name="HasCorrelationIdInput">The optional <c>correlation_id</c> input exists (used to find the run after a dispatch).</param>
public sealed record WorkflowAnalysis(
    bool HasWorkflowDispatch,
    IReadOnlyList<string> InputProblems,
    IReadOnlyList<int> BypassLines,
    IReadOnlyList<int> AcknowledgementCheckLines,
    IReadOnlyList<int> ParityReportLines,
    bool HasCorrelationIdInput);
