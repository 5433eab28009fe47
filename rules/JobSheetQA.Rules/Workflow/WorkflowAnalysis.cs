namespace JobSheetQA.Rules.Workflow;

/// <summary>What the analyser found in a promotion workflow file (runbook §2.1, §5.1). Line numbers are 1-based.</summary>
/// <param name="HasWorkflowDispatch">The workflow can be dispatched (<c>on: workflow_dispatch</c>).</param>
/// <param name="InputProblems">
/// Each way the file fails to be a dispatchable workflow with the <c>workflow_dispatch</c> inputs of runbook §2.1,
/// one human-readable sentence each (YAML syntax errors, a document that is not a workflow, a missing trigger,
/// wrong input types, options, defaults or required flags, a boolean input read as a string in an <c>if:</c>);
/// empty when it matches.
/// </param>
/// <param name="BypassLines">
/// Lines that contain <c>|| true</c> (any spacing), as runbook §5.1's <c>grep -n "|| true"</c> finds them — in
/// <c>run:</c> scripts including their comments — plus <c>run:</c> lines where the bypass is split over a line break.
/// </param>
/// <param name="AcknowledgementCheckLines">Lines that compare <c>skip_parity_acknowledgement</c> with the phrase.</param>
/// <param name="ParityReportLines">Lines that read <c>parity/reports/latest.json</c>.</param>
/// <param name="HasCorrelationIdInput">The optional <c>correlation_id</c> input exists (used to find the run after a dispatch).</param>
public sealed record WorkflowAnalysis(
    bool HasWorkflowDispatch,
    IReadOnlyList<string> InputProblems,
    IReadOnlyList<int> BypassLines,
    IReadOnlyList<int> AcknowledgementCheckLines,
    IReadOnlyList<int> ParityReportLines,
    bool HasCorrelationIdInput)
{
    /// <summary>
    /// The jobs under <c>jobs:</c>, in file order (empty when there are none); null when the text could not be read as a
    /// workflow at all (not YAML, empty, not a mapping: <see cref="InputProblems"/> says why), so nobody knows its jobs.
    /// </summary>
    public IReadOnlyList<WorkflowJob>? Jobs { get; init; }

    /// <summary>The <c>name:</c> of each job (its id when it has no name), in file order; the tracker maps gates by these.</summary>
    public IReadOnlyList<string> JobNames => Jobs?.Select(job => job.DisplayName).ToList() ?? [];

    /// <summary>Every runbook §2.1 and §5.1 check passes: dispatchable, inputs as specified, no bypass, acknowledgement check and parity source present.</summary>
    public bool IsClean =>
        HasWorkflowDispatch
        && InputProblems.Count == 0
        && BypassLines.Count == 0
        && AcknowledgementCheckLines.Count > 0
        && ParityReportLines.Count > 0;
}
