using JobSheetQA.Bot.Policy;
using JobSheetQA.Bot.Storage.Entities;
using JobSheetQA.Rules.Facts;

namespace JobSheetQA.Bot.Evidence;

/// <summary>What <see cref="StagingVerifier"/> found or did: a fact, never wording.</summary>
public abstract record VerificationOutcome;

/// <summary>The environment is not one a commit must pass before the next (runbook §3); <paramref name="Verifiable"/> are.</summary>
public sealed record NotVerifiable(string Environment, IReadOnlyList<string> Verifiable) : VerificationOutcome;

/// <summary>No promotion to the environment has succeeded yet: nothing is deployed there to verify.</summary>
public sealed record NothingDeployed(string Environment) : VerificationOutcome;

/// <summary>
/// The commit deployed to the environment (its latest successful promotion) and the verifications already recorded
/// for it: the checklist to ask for. <paramref name="Problem"/> says why an earlier submission was not recorded.
/// </summary>
public sealed record VerificationWanted(PromotionEntity Deployed, IReadOnlyList<StagingVerification> Earlier, VerificationOutcome? Problem = null) : VerificationOutcome;

/// <summary>The caller may not record this environment's verification (policy.yaml); nothing is offered or recorded.</summary>
public sealed record VerificationNotAuthorized(NotAuthorized Refusal) : VerificationOutcome;

/// <summary>The submission was for a checklist the bot did not write (or an environment that takes none); nothing was recorded.</summary>
public sealed record UnknownVerification : VerificationOutcome;

/// <summary>The commit has no successful promotion to the environment, so there is nothing deployed to verify; nothing was recorded.</summary>
public sealed record CommitNotDeployed(string Environment, string CommitSha) : VerificationOutcome;

/// <summary>Not every check was ticked (STAGE-FIRST needs all three); nothing was recorded.</summary>
public sealed record VerificationIncomplete(IReadOnlyList<StagingCheck> Missing) : VerificationOutcome;

/// <summary>The note is longer than <see cref="StagingChecks.MaxNoteLength"/>; nothing was recorded.</summary>
public sealed record VerificationNoteTooLong(int Length) : VerificationOutcome;

/// <summary>Recorded and audited; <paramref name="Next"/> is the environment whose STAGE-FIRST rule reads it, if any.</summary>
public sealed record VerificationRecorded(StagingVerification Verification, string? Next) : VerificationOutcome;
