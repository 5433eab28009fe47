using System.Text.Json;
using JobSheetQA.Bot.GitHub;
using JobSheetQA.Bot.Policy;
using JobSheetQA.Bot.Storage;
using JobSheetQA.Bot.Storage.Entities;
using JobSheetQA.Rules.Policy;

namespace JobSheetQA.Bot.Promotions.Cancellation;

/// <summary>
/// Cancels a promotion: its requester's own, or anyone's for someone policy.yaml lists under <c>authorization.cancelers</c>.
/// Before dispatch it is cancelled at once (its acknowledgement too, and the environment freed). Once dispatched the
/// workflow run is cancelled on GitHub and the promotion stays in flight until the tracker sees the run stop, so the
/// environment is not freed under a running deploy.
/// </summary>
public sealed class PromotionCanceller(
    ActionAuthorizer authorizer,
    PromotionStore promotions,
    PromotionTransitions transitions,
    AcknowledgementStore acknowledgements,
    IWorkflowRunTracker runs,
    IRunTrackingScheduler tracking,
    AuditLog audit)
{
    private static readonly PromotionState[] BeforeDispatch = [PromotionState.Requested, PromotionState.Evaluated, PromotionState.AwaitingAcknowledgement];

    /// <param name="promotionId">The promotion to cancel; null for the caller's own newest promotion in flight.</param>
    /// <param name="caller">Who asks; only the requester may cancel.</param>
    /// <param name="cancellationToken">Cancels the reads and the request to GitHub.</param>
    public async Task<PromotionOutcome> CancelAsync(string? promotionId, Caller caller, CancellationToken cancellationToken)
    {
        var promotion = promotionId is { } id
            ? await promotions.FindAsync(id.ToLowerInvariant(), cancellationToken)
            : await OwnInFlightAsync(caller, cancellationToken);

        if (promotion is null)
            return new NothingToCancel(promotionId);
        var ownPromotion = caller.Identity.Verified && promotion.IsRequestedBy(caller.Identity);
        if (!ownPromotion && await authorizer.CheckAsync(PolicyAction.Cancel, promotion.Environment, caller.Identity, caller.At, cancellationToken) is { } refusal)
            return new CancelNotAuthorized(promotion, refusal);
        if (PromotionLifecycle.IsFinal(promotion.State))
            return new AlreadyFinished(promotion);

        return BeforeDispatch.Contains(promotion.State)
            ? await CancelBeforeDispatchAsync(promotion, caller)
            : await CancelRunAsync(promotion, caller, cancellationToken);
    }

    private async Task<PromotionEntity?> OwnInFlightAsync(Caller caller, CancellationToken cancellationToken)
    {
        var inFlight = await promotions.InStatesAsync(Enum.GetValues<PromotionState>().Where(PromotionLifecycle.IsInFlight).ToList(), cancellationToken);
        return inFlight.LastOrDefault(p => p.IsRequestedBy(caller.Identity));
    }

    private async Task<PromotionOutcome> CancelBeforeDispatchAsync(PromotionEntity promotion, Caller caller)
    {
        var moved = await transitions.MoveAsync(promotion.Id, PromotionState.Cancelled, caller.Actor,
            JsonSerializer.Serialize(new { reason = "cancelled by requester", from = promotion.State.ToString() }), cancellationToken: CancellationToken.None);
        if (!moved.Moved)
        {
            // It moved on meanwhile (dispatched, or cancelled by a repeat): answer for where it is now.
            return moved.Promotion is { } now && !PromotionLifecycle.IsFinal(now.State)
                ? await CancelRunAsync(now, caller, CancellationToken.None)
                : new FinishedMeanwhile(promotion.Id, moved.Promotion?.State ?? PromotionState.Cancelled);
        }

        await acknowledgements.CancelForPromotionAsync(promotion.Id, CancellationToken.None);
        return new CancelledBeforeDispatch(moved.Promotion ?? promotion);
    }

    private async Task<PromotionOutcome> CancelRunAsync(PromotionEntity promotion, Caller caller, CancellationToken cancellationToken)
    {
        if (promotion.RunId is not { } runId)
        {
            tracking.TrackSoon(promotion.Id);
            return new RunNotKnownYet(promotion);
        }

        var cancelled = await runs.CancelRunAsync(runId, cancellationToken);
        if (!cancelled.Succeeded)
            return new RunCancelFailed(promotion, runId, cancelled.Error);

        await audit.AppendAsync(new AuditEntry(caller.At, caller.Actor, "promotion.cancel-requested", promotion.Id, promotion.Environment,
            JsonSerializer.Serialize(new { runId, outcome = cancelled.Value.ToString() })), CancellationToken.None);
        tracking.TrackSoon(promotion.Id);
        return new RunCancelRequested(promotion, runId, cancelled.Value);
    }
}
