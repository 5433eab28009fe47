using System.Text.Json;
using JobSheetQA.Bot.Policy;
using JobSheetQA.Bot.Promotions;
using JobSheetQA.Bot.Storage;
using JobSheetQA.Rules.Facts;
using JobSheetQA.Rules.Policy;

namespace JobSheetQA.Bot.Evidence;

/// <summary>
/// The staging verification production's STAGE-FIRST rule reads (runbook §3.1 steps 3–4): what is deployed and wants
/// verifying, and recording a complete checklist for exactly the commit it was shown for, by the submitter, audited.
/// Only the environment's verifiers (policy.yaml <c>authorization.verifiers</c>, else its requesters) are offered the
/// checklist or may record it.
/// </summary>
public sealed class StagingVerifier(
    ActionAuthorizer authorizer,
    PromotionPolicy policy,
    PromotionHistory history,
    StagingVerificationStore verifications,
    AuditLog audit,
    ILogger<StagingVerifier> logger)
{
    /// <summary>Environments some other environment must be reached through (staging, for production).</summary>
    public IReadOnlyList<string> VerifiableEnvironments =>
        policy.Environments.Select(e => policy.PredecessorOf(e.Name)).OfType<string>().Distinct().ToList();

    /// <summary>The commit deployed to <paramref name="environment"/> and its earlier verifications, or why there is none to verify.</summary>
    public async Task<VerificationOutcome> WantedAsync(string environment, Caller caller, CancellationToken cancellationToken)
    {
        if (!VerifiableEnvironments.Contains(environment, StringComparer.Ordinal))
            return new NotVerifiable(environment, VerifiableEnvironments);
        if (await authorizer.CheckAsync(PolicyAction.Verify, environment, caller.Identity, caller.At, cancellationToken) is { } refusal)
            return new VerificationNotAuthorized(refusal);

        var deployed = await history.LatestSucceededAsync(environment, cancellationToken);
        if (deployed is null)
            return new NothingDeployed(environment);

        var earlier = await verifications.ForCommitAsync(deployed.CommitSha, cancellationToken);
        return new VerificationWanted(deployed, earlier.Where(v => v.Environment == environment).ToList());
    }

    /// <summary>Records the checks for <paramref name="commitSha"/> on <paramref name="environment"/>; only a complete checklist is recorded.</summary>
    public async Task<VerificationOutcome> RecordAsync(string environment, string commitSha, StagingChecks checks, Caller caller, CancellationToken cancellationToken)
    {
        if (!VerifiableEnvironments.Contains(environment, StringComparer.Ordinal))
            return new UnknownVerification();
        if (await authorizer.CheckAsync(PolicyAction.Verify, environment, caller.Identity, caller.At, cancellationToken) is { } refusal)
            return new VerificationNotAuthorized(refusal);
        if (!await history.HasSucceededAsync(environment, commitSha, cancellationToken))
            return new CommitNotDeployed(environment, commitSha);

        VerificationOutcome? problem = checks.Missing.Count > 0 ? new VerificationIncomplete(checks.Missing)
            : checks.Note is { Length: > StagingChecks.MaxNoteLength } note ? new VerificationNoteTooLong(note.Length)
            : null;
        if (problem is not null)
        {
            // Ask again with the same checklist when it is still the deployed commit's.
            var deployed = await history.LatestSucceededAsync(environment, cancellationToken);
            return deployed is not null && deployed.CommitSha == commitSha ? new VerificationWanted(deployed, [], problem) : problem;
        }

        var verification = new StagingVerification(
            environment, commitSha, caller.Identity.DisplayName, caller.At,
            ApplicationHealthy: true, SmokeTestsPassed: true, KeyFunctionalityVerified: true,
            Note: string.IsNullOrEmpty(checks.Note) ? null : checks.Note,
            VerifiedById: caller.Identity.QualifiedId);
        await verifications.RecordAsync(verification, cancellationToken);
        await audit.AppendAsync(new AuditEntry(caller.At, caller.Actor, "staging-verification.recorded", Environment: environment,
            Details: JsonSerializer.Serialize(new
            {
                commit = commitSha,
                by = caller.Identity.QualifiedId,
                applicationHealthy = true,
                smokeTestsPassed = true,
                keyFunctionalityVerified = true,
                note = verification.Note,
            })), cancellationToken);
        EvidenceLog.VerificationRecorded(logger, commitSha, environment, caller.Identity.QualifiedId);

        var next = policy.Environments.FirstOrDefault(e => policy.PredecessorOf(e.Name) == environment)?.Name;
        return new VerificationRecorded(verification, next);
    }
}
