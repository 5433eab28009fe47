using JobSheetQA.Bot.Storage.Entities;
using JobSheetQA.Rules.Facts;

namespace JobSheetQA.Bot.Evidence.Readiness;

/// <summary>Where a sign-off requirement of the readiness pack stands.</summary>
public enum SignOffStatus
{
    Met,
    NotMet,

    /// <summary>A person confirms it (or it can only be known later, e.g. after the production run).</summary>
    ToConfirm,
}

/// <summary>One requirement of the Deployment Readiness Pack's sign-off (runbook §6.1), judged on the evidence it names.</summary>
public abstract record ReadinessRequirement(SignOffStatus Status);

/// <summary>HEAD was promoted to <paramref name="Predecessor"/> with every gate passing (runbook §3.1 step 2), before <paramref name="Environment"/>.</summary>
/// <param name="CleanRun">The newest such promotion; null when there is none.</param>
public sealed record PredecessorPromoted(string Environment, string Predecessor, CompletedPromotion? CleanRun)
    : ReadinessRequirement(CleanRun is null ? SignOffStatus.NotMet : SignOffStatus.Met);

/// <summary>HEAD's verification on <paramref name="Predecessor"/> is recorded (runbook §3.1 steps 3–4, §3.2 step 1).</summary>
/// <param name="Verification">The newest complete verification; null when there is none.</param>
public sealed record PredecessorVerified(string Environment, string Predecessor, StagingVerification? Verification)
    : ReadinessRequirement(Verification is null ? SignOffStatus.NotMet : SignOffStatus.Met);

/// <summary>The environment's posture flags are false or unset (runbook §4.1–4.2); unknown when GitHub could not be read.</summary>
public sealed record ReadOnlyPostureHeld(string Environment, IReadOnlyList<ReadinessConfig> Flags)
    : ReadinessRequirement(Flags.Any(f => f.Problem is not null) ? SignOffStatus.ToConfirm
        : Flags.Any(f => f.IsEnabled) ? SignOffStatus.NotMet
        : SignOffStatus.Met);

/// <summary>The Parity Gate passed on a run of HEAD to the environment (no skip there: runbook §2.4, §3.2 step 3, §5.5).</summary>
public sealed record ParityGatePassed(string Environment, bool Passed)
    : ReadinessRequirement(Passed ? SignOffStatus.Met : SignOffStatus.ToConfirm);

/// <summary>After HEAD reached the environment, its read-only posture checklist was recorded (runbook §3.2 step 4, §4.2).</summary>
/// <param name="Deployed">The newest successful promotion of HEAD there; null while it has not got there.</param>
/// <param name="Checklist">The checklist recorded after it; null when none.</param>
public sealed record PostureChecklistRecorded(string Environment, CompletedPromotion? Deployed, PostureChecklistEntity? Checklist)
    : ReadinessRequirement(Deployed is null ? SignOffStatus.ToConfirm : Checklist is null ? SignOffStatus.NotMet : SignOffStatus.Met);

/// <summary>Before HEAD was dispatched to the environment its requester answered the read-only posture checklist (runbook
/// §4.2 items 3–5, rule POSTURE-CHECKLIST; items 1–2 read from GitHub at that moment).</summary>
/// <param name="Deployed">The newest successful promotion of HEAD there; null while it has not got there.</param>
/// <param name="Checklist">The answers given before its dispatch; null when none (a promotion from before the rule).</param>
public sealed record PreDispatchChecklistAnswered(string Environment, CompletedPromotion? Deployed, PostureChecklistEntity? Checklist)
    : ReadinessRequirement(Deployed is null ? SignOffStatus.ToConfirm : Checklist is null ? SignOffStatus.NotMet : SignOffStatus.Met);

/// <summary>The release engineer and the approver sign the pack (runbook §6.1): always for people to confirm.</summary>
public sealed record PeopleSignOff() : ReadinessRequirement(SignOffStatus.ToConfirm);
