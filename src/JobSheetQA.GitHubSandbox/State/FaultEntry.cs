using JobSheetQA.GitHubSandbox.Control;

namespace JobSheetQA.GitHubSandbox.State;

/// <summary>A queued fault rule and how many hits it has left (0 in the rule = forever).</summary>
internal sealed class FaultEntry(FaultRule rule)
{
    public FaultRule Rule { get; } = rule;

    public int Remaining { get; set; } = rule.Count;
}
