namespace JobSheetQA.Rules.Workflow;

/// <summary>The <c>workflow_dispatch</c> input names of <c>promotion.yml</c> (runbook §2.1), plus the bot's optional correlation id.</summary>
public static class WorkflowInputNames
{
    public const string TargetEnvironment = "target_environment";
    public const string UseNightlyParity = "use_nightly_parity";
    public const string SkipParity = "skip_parity";
    public const string SkipParityAcknowledgement = "skip_parity_acknowledgement";

    /// <summary>Optional: carried into <c>run-name</c> so the bot can find the run it dispatched.</summary>
    public const string CorrelationId = "correlation_id";
}
