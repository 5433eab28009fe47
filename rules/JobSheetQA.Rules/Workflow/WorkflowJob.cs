namespace JobSheetQA.Rules.Workflow;

/// <summary>One job under the workflow's <c>jobs:</c> (runbook §2.3: the gates are jobs). Line numbers are 1-based.</summary>
/// <param name="Id">The job's key, e.g. <c>parity</c>.</param>
/// <param name="Name">Its <c>name:</c>; null when it has none.</param>
/// <param name="Line">The line of its key.</param>
/// <param name="LastLine">The last line it covers.</param>
public sealed record WorkflowJob(string Id, string? Name, int Line, int LastLine)
{
    /// <summary>What GitHub shows for the job, and what policy.yaml's <c>gates</c> name: its <c>name:</c>, else its id.</summary>
    public string DisplayName => Name ?? Id;
}
