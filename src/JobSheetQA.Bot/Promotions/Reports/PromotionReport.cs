using JobSheetQA.Bot.GitHub;
using JobSheetQA.Bot.Storage.Entities;
using JobSheetQA.Rules.Facts;

namespace JobSheetQA.Bot.Promotions.Reports;

/// <summary>
/// Something that happened to a promotion after the turn that asked for it, for the conversation side to tell
/// (<see cref="IPromotionReports"/>): a fact with the promotion as it now stands, never wording.
/// </summary>
/// <param name="Promotion">The promotion, with its gate results, as stored now.</param>
public abstract record PromotionReport(PromotionEntity Promotion)
{
    /// <summary>The first gate (in workflow order) that failed, if any: the one a failure notice names.</summary>
    public PromotionStep? FailedGate =>
        Promotion.GateResults.Where(g => g.Outcome == StepOutcome.Failed).OrderBy(g => g.Step).Select(g => (PromotionStep?)g.Step).FirstOrDefault();
}

/// <summary>The run moved on (a poll of a promotion in flight): where its gates stand, and the Parity Gate's findings if it failed.</summary>
public sealed record PromotionProgressed(PromotionEntity Promotion, ParityFindingsOnce Parity) : PromotionReport(Promotion);

/// <summary>The promotion is final (succeeded, failed, cancelled): everything owed about it, on every poll until delivered.</summary>
/// <param name="Parity">The Parity Gate's findings, read only if a notice needs them.</param>
/// <param name="RunNotFoundAfter">How long the tracker looked for a run before failing a promotion that never got one.</param>
/// <param name="PostureChecklistOwed">
/// True after a success on an environment with a read-only posture: its requester is asked for the posture checklist
/// (runbook §3.2 step 4, §4.2).
/// </param>
/// <param name="NotProven">
/// Why the promotion failed although its run may have finished well (another commit built, a gate that did not run); null otherwise.
/// </param>
public sealed record PromotionFinished(
    PromotionEntity Promotion, ParityFindingsOnce Parity, TimeSpan RunNotFoundAfter, bool PostureChecklistOwed, RunNotProven? NotProven = null)
    : PromotionReport(Promotion);

/// <summary>The run has waited for a runner for <paramref name="QueuedFor"/> (said once).</summary>
public sealed record RunStillQueued(PromotionEntity Promotion, TimeSpan QueuedFor) : PromotionReport(Promotion);

/// <summary>The run waits for an environment review in GitHub (said once per environment).</summary>
public sealed record RunAwaitingReview(PromotionEntity Promotion, PendingDeployment Review) : PromotionReport(Promotion);

/// <summary>Nobody typed the acknowledgement in time: the promotion expired and its environment is free.</summary>
public sealed record AcknowledgementExpired(PromotionEntity Promotion, AcknowledgementEntity Acknowledgement) : PromotionReport(Promotion);
