namespace JobSheetQA.Bot.GitHub;

/// <summary>The <c>workflow_dispatch</c> inputs a run's title shows: <c>skip_parity</c> and <c>use_nightly_parity</c>.</summary>
public sealed record RunTitleInputs(bool SkipParity, bool UseNightlyParity);
