namespace JobSheetQA.Rules.Facts;

/// <summary>The recorded "Verify staging deployment" checklist for a commit (runbook §3.1 steps 3–4).</summary>
public sealed record StagingVerification(
    string Environment,
    string CommitSha,
    string VerifiedBy,
    DateTimeOffset VerifiedAt,
    bool ApplicationHealthy,
    bool SmokeTestsPassed,
    bool KeyFunctionalityVerified,
    string? Note = null)
{
    public bool IsComplete => ApplicationHealthy && SmokeTestsPassed && KeyFunctionalityVerified;
}
