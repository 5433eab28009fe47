namespace JobSheetQA.Rules.Facts;

/// <summary>The recorded "Verify staging deployment" checklist for a commit (runbook §3.1 steps 3–4).</summary>
/// <param name="VerifiedBy">Who recorded it, as shown in chat.</param>
/// <param name="VerifiedById">Who recorded it, as <c>channel:userId</c>; null for verifications recorded before the bot kept it.</param>
public sealed record StagingVerification(
    string Environment,
    string CommitSha,
    string VerifiedBy,
    DateTimeOffset VerifiedAt,
    bool ApplicationHealthy,
    bool SmokeTestsPassed,
    bool KeyFunctionalityVerified,
    string? Note = null,
    string? VerifiedById = null)
{
    public bool IsComplete => ApplicationHealthy && SmokeTestsPassed && KeyFunctionalityVerified;
}
