namespace JobSheetQA.Bot.Storage.Entities;

/// <summary>A recorded "Verify staging deployment" checklist (runbook §3.1 steps 3–4).</summary>
public sealed class StagingVerificationEntity
{
    public long Id { get; set; }

    public required string Environment { get; set; }

    public required string CommitSha { get; set; }

    public required string VerifiedBy { get; set; }

    /// <summary>Who recorded it, as <c>channel:userId</c>; null for verifications recorded before it was kept.</summary>
    public string? VerifiedById { get; set; }

    public DateTimeOffset VerifiedAt { get; set; }

    public bool ApplicationHealthy { get; set; }

    public bool SmokeTestsPassed { get; set; }

    public bool KeyFunctionalityVerified { get; set; }

    public string? Note { get; set; }
}
