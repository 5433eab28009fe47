using JobSheetQA.Bot.GitHub;
using JobSheetQA.Bot.Policy;
using JobSheetQA.Bot.Storage;
using JobSheetQA.Bot.Storage.Entities;

namespace JobSheetQA.Bot.Promotions.Cancellation;

/// <summary>There is no such promotion, or (without an id) the caller has none in flight.</summary>
/// <param name="PromotionId">The id asked for; null when the caller named none.</param>
public sealed record NothingToCancel(string? PromotionId) : PromotionOutcome;

/// <summary>Only the requester, or someone policy.yaml lists as a canceler, may cancel a promotion. Nothing changed.</summary>
public sealed record CancelNotAuthorized(PromotionEntity Promotion, NotAuthorized Refusal) : PromotionOutcome;

/// <summary>The promotion had already finished before the cancel.</summary>
public sealed record AlreadyFinished(PromotionEntity Promotion) : PromotionOutcome;

/// <summary>Cancelled before dispatch: nothing ran, the acknowledgement (if any) is void and the environment is free.</summary>
public sealed record CancelledBeforeDispatch(PromotionEntity Promotion) : PromotionOutcome;

/// <summary>The promotion finished on its own while the cancel was being made.</summary>
public sealed record FinishedMeanwhile(string PromotionId, PromotionState State) : PromotionOutcome;

/// <summary>Dispatched, but its run is not known yet, so there is nothing to cancel on GitHub yet; the tracker was woken.</summary>
public sealed record RunNotKnownYet(PromotionEntity Promotion) : PromotionOutcome;

/// <summary>GitHub did not accept the cancel of the run. Nothing changed.</summary>
public sealed record RunCancelFailed(PromotionEntity Promotion, long RunId, GitHubError Error) : PromotionOutcome;

/// <summary>GitHub accepted the cancel (or the run had finished already); the tracker reports when the run has stopped.</summary>
public sealed record RunCancelRequested(PromotionEntity Promotion, long RunId, CancelOutcome Outcome) : PromotionOutcome;
