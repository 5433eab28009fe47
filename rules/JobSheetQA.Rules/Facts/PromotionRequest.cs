namespace JobSheetQA.Rules.Facts;

/// <summary>A request to run <c>promotion.yml</c> (runbook §2.1), as typed in chat and resolved to a commit.</summary>
/// <param name="RequestId">The promotion's id; acknowledgements and locks are bound to it.</param>
/// <param name="Environment">The target environment exactly as requested (lower case); REQ-ENV checks it.</param>
/// <param name="Ref">The ref the workflow would run from, e.g. <c>main</c> or <c>refs/heads/main</c>.</param>
/// <param name="CommitSha">The commit that ref pointed at when the request was evaluated.</param>
/// <param name="SkipParity">The <c>skip_parity</c> input.</param>
/// <param name="UseNightlyParity">The <c>use_nightly_parity</c> input.</param>
/// <param name="AcknowledgementText">The <c>skip_parity_acknowledgement</c> text as typed, untrimmed; null when none was given.</param>
/// <param name="Requester">Who asked.</param>
public sealed record PromotionRequest(
    string RequestId,
    string Environment,
    string Ref,
    string CommitSha,
    bool SkipParity,
    bool UseNightlyParity,
    string? AcknowledgementText,
    RequesterIdentity Requester)
{
    /// <summary>The branch name the ref designates (<c>refs/heads/main</c> → <c>main</c>).</summary>
    public string Branch => GitRef.BranchOf(Ref);

    public bool IsProduction => Environment == EnvironmentNames.Production;
}
