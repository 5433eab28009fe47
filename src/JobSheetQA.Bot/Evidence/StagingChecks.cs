namespace JobSheetQA.Bot.Evidence;

/// <summary>The "Verify staging deployment" checks of runbook §3.1 step 3, as ticked, and an optional note.</summary>
public sealed record StagingChecks(bool ApplicationHealthy, bool SmokeTestsPassed, bool KeyFunctionalityVerified, string? Note)
{
    /// <summary>A note longer than this is refused (the verification is evidence, not a log).</summary>
    public const int MaxNoteLength = 1000;

    /// <summary>The checks not ticked, in the runbook's order.</summary>
    public IReadOnlyList<StagingCheck> Missing =>
    [
        .. ApplicationHealthy ? [] : new[] { StagingCheck.ApplicationHealth },
        .. SmokeTestsPassed ? [] : new[] { StagingCheck.SmokeTests },
        .. KeyFunctionalityVerified ? [] : new[] { StagingCheck.KeyFunctionality },
    ];
}

/// <summary>One check of runbook §3.1 step 3.</summary>
public enum StagingCheck
{
    ApplicationHealth,
    SmokeTests,
    KeyFunctionality,
}
