using JobSheetQA.Bot.GitHub;
using JobSheetQA.Bot.Storage;
using JobSheetQA.Bot.Storage.Entities;
using JobSheetQA.Rules.Decisions;
using PolicyRequest = JobSheetQA.Rules.Facts.PromotionRequest;

namespace JobSheetQA.Bot.Promotions;

/// <summary>
/// What the promotions module did with a request (promote, acknowledge, cancel): a fact, never wording. Chat renders
/// each outcome (<c>Chat/Promotions/PromotionReplies</c>), so one outcome reads the same in every channel.
/// </summary>
public abstract record PromotionOutcome;

/// <summary>GitHub could not be read for the facts the policy needs; nothing was dispatched (a promotion, if recorded, is refused).</summary>
public sealed record CannotDecide(GitHubError Error, string? PromotionId) : PromotionOutcome;

/// <summary>The ref typed after <c>from</c> is not a name git accepts (<see cref="GitRefName"/>); nothing was recorded or asked of GitHub.</summary>
/// <param name="Ref">The ref as typed, printable (control characters as <c>\uXXXX</c>).</param>
/// <param name="Problem">Why it is not a ref name ("it contains '..'").</param>
public sealed record InvalidRef(string Ref, string Problem) : PromotionOutcome;

/// <summary>The policy denied the promotion; nothing was dispatched.</summary>
public sealed record Refused(Decision Decision, PolicyRequest Request, string PromotionId) : PromotionOutcome;

/// <summary>Another promotion holds the environment (rule LOCK, decided by the database); this one was refused.</summary>
public sealed record EnvironmentHeld(EnvironmentLock Holder, string PromotionId, string Environment) : PromotionOutcome;

/// <summary>
/// The request was handled before (the same chat turn, handled again after the worker handling it stopped mid-way):
/// its promotion exists already, and nothing was done again.
/// </summary>
public sealed record AlreadyRequested(string PromotionId, PromotionState State) : PromotionOutcome;

/// <summary>The promotion was stopped (cancelled) before it was judged; nothing was dispatched.</summary>
public sealed record AlreadyStopped(string PromotionId, PromotionState State) : PromotionOutcome;

/// <summary>The policy asks the requester to type the acknowledgement phrase; the environment is held until then.</summary>
/// <param name="Promotion">The promotion, awaiting its acknowledgement.</param>
/// <param name="Acknowledgement">The pending acknowledgement (its id names the prompt's form, its phrase is the one to type).</param>
/// <param name="Finding">The rule that asks for it.</param>
/// <param name="ExpiresAfter">How long the requester has.</param>
public sealed record AwaitingAcknowledgement(
    PromotionEntity Promotion, AcknowledgementEntity Acknowledgement, Finding Finding, TimeSpan ExpiresAfter) : PromotionOutcome;

/// <summary>The promotion was stopped while the acknowledgement was being asked for; none is needed any more.</summary>
public sealed record AcknowledgementNotNeeded(string PromotionId, PromotionState State) : PromotionOutcome;

/// <summary>A dry run (<c>--dry-run</c>, <c>why</c>): every rule's verdict on today's facts; nothing stored but the audit line.</summary>
public sealed record Judged(Decision Decision, PolicyRequest Request) : PromotionOutcome;

/// <summary>GitHub started the workflow run; tracking has begun. The decision's warnings still apply.</summary>
public sealed record Dispatched(PromotionEntity Promotion, DispatchedRun Run, Decision Decision) : PromotionOutcome;

/// <summary>GitHub may or may not have started the run (timeout, outage); the tracker looks for it, nothing is dispatched again.</summary>
public sealed record DispatchOutcomeUnknown(PromotionEntity Promotion, GitHubError Error) : PromotionOutcome;

/// <summary>GitHub refused the dispatch: nothing runs, the promotion failed and the environment is free.</summary>
public sealed record DispatchFailed(PromotionEntity Promotion, GitHubError Error) : PromotionOutcome;

/// <summary>
/// The promotion was stopped (cancelled) while GitHub started its run, so the run was cancelled in turn.
/// </summary>
/// <param name="State">Where the promotion is now.</param>
/// <param name="Run">The run GitHub started.</param>
/// <param name="CancelError">Why cancelling the run failed; null when GitHub accepted the cancel.</param>
public sealed record StoppedWhileDispatching(PromotionEntity Promotion, PromotionState State, DispatchedRun Run, GitHubError? CancelError) : PromotionOutcome;

/// <summary>
/// The promotion was stopped during a dispatch whose outcome is unknown: the run was looked for once and cancelled if found.
/// </summary>
/// <param name="State">Where the promotion is now.</param>
/// <param name="Run">The run found by correlation id, or null when GitHub showed none.</param>
/// <param name="CancelError">Why cancelling the found run failed; null when it was cancelled or none was found.</param>
public sealed record StoppedDuringUnknownDispatch(PromotionEntity Promotion, PromotionState State, DispatchedRun? Run, GitHubError? CancelError) : PromotionOutcome;
