namespace JobSheetQA.Bot.Promotions;

/// <summary>What <c>promote &lt;env&gt;</c> asks for, before anything is looked up (the commit comes from HEAD of the ref).</summary>
/// <param name="Environment">The environment as typed, lower case; the policy judges whether it exists.</param>
/// <param name="Ref">The ref to promote from; null means the policy's branch.</param>
/// <param name="SkipParity">The runbook's <c>skip_parity</c> input (§2.4: staging only, with an acknowledgement).</param>
/// <param name="UseNightlyParity">The runbook's <c>use_nightly_parity</c> input.</param>
public sealed record PromoteRequest(string Environment, string? Ref, bool SkipParity, bool UseNightlyParity);
