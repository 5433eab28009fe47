using System.Text.Json;
using JobSheetQA.Bot.Chat.Commands;
using JobSheetQA.Bot.Chat.Replies;
using JobSheetQA.Bot.Chat.Turns;
using JobSheetQA.Bot.GitHub;
using JobSheetQA.Bot.Storage;
using JobSheetQA.Bot.Storage.Entities;

namespace JobSheetQA.Bot.Promotions.Commands;

/// <summary>
/// <c>cancel [promotion id]</c>: the requester's own promotion. Before dispatch it is cancelled at once (its
/// acknowledgement too, and the environment freed). Once dispatched the workflow run is cancelled on GitHub and the
/// promotion stays in flight until the tracker sees the run stop, so the environment is not freed under a running deploy.
/// </summary>
public sealed class CancelHandler(
    PromotionStore promotions,
    PromotionTransitions transitions,
    AcknowledgementStore acknowledgements,
    IWorkflowRunTracker runs,
    IRunTrackingScheduler tracking,
    AuditLog audit) : ChatCommandHandler<CancelCommand>
{
    private static readonly PromotionState[] BeforeDispatch = [PromotionState.Requested, PromotionState.Evaluated, PromotionState.AwaitingAcknowledgement];

    protected override async Task<IReadOnlyList<Reply>> HandleAsync(CancelCommand command, ChatTurn turn, CancellationToken cancellationToken)
    {
        var promotion = command.PromotionId is { } id
            ? await promotions.FindAsync(id.ToLowerInvariant(), cancellationToken)
            : await OwnInFlightAsync(turn, cancellationToken);

        if (promotion is null)
        {
            return [Reply.Text(command.PromotionId is null
                ? "You have no promotion in flight to cancel (`status` shows who holds each environment)."
                : $"There is no promotion `{command.PromotionId}`.")];
        }

        if (!PromotionText.IsRequester(promotion, turn.Sender))
            return [Reply.Text($"Only {promotion.RequesterDisplayName}, who requested promotion `{promotion.Id}`, can cancel it. Nothing changed.")];

        if (PromotionLifecycle.IsFinal(promotion.State))
            return [Reply.Text($"Promotion `{promotion.Id}` has already {PromotionText.State(promotion.State)}; there is nothing to cancel.")];

        return BeforeDispatch.Contains(promotion.State)
            ? [await CancelBeforeDispatchAsync(promotion, turn)]
            : [await CancelRunAsync(promotion, turn, cancellationToken)];
    }

    private async Task<PromotionEntity?> OwnInFlightAsync(ChatTurn turn, CancellationToken cancellationToken)
    {
        var inFlight = await promotions.InStatesAsync(Enum.GetValues<PromotionState>().Where(PromotionLifecycle.IsInFlight).ToList(), cancellationToken);
        return inFlight.LastOrDefault(p => PromotionText.IsRequester(p, turn.Sender));
    }

    private async Task<Reply> CancelBeforeDispatchAsync(PromotionEntity promotion, ChatTurn turn)
    {
        var moved = await transitions.MoveAsync(promotion.Id, PromotionState.Cancelled, turn.Sender.DisplayName,
            JsonSerializer.Serialize(new { reason = "cancelled by requester", from = promotion.State.ToString() }), cancellationToken: CancellationToken.None);
        if (!moved.Moved)
        {
            // It moved on meanwhile (dispatched, or cancelled by a repeat): answer for where it is now.
            return moved.Promotion is { } now && !PromotionLifecycle.IsFinal(now.State)
                ? await CancelRunAsync(now, turn, CancellationToken.None)
                : Reply.Text($"Promotion `{promotion.Id}` is {PromotionText.State(moved.Promotion?.State ?? PromotionState.Cancelled)}; nothing to cancel.");
        }

        await acknowledgements.CancelForPromotionAsync(promotion.Id, CancellationToken.None);
        return Reply.Text($"**Cancelled** promotion `{promotion.Id}` ({PromotionText.What(promotion)}). Nothing was dispatched; {promotion.Environment} is free.");
    }

    private async Task<Reply> CancelRunAsync(PromotionEntity promotion, ChatTurn turn, CancellationToken cancellationToken)
    {
        if (promotion.RunId is not { } runId)
        {
            tracking.TrackSoon(promotion.Id);
            return Reply.Text(
                $"Promotion `{promotion.Id}` was dispatched but I have not found its run yet, so there is nothing to cancel on GitHub yet. "
                + "Try again in a moment (`status " + promotion.Id + "`).");
        }

        var cancelled = await runs.CancelRunAsync(runId, cancellationToken);
        if (!cancelled.Succeeded)
            return Reply.Text($"I could not cancel run {runId} of promotion `{promotion.Id}`: {cancelled.Error.Message}. Nothing changed.");

        await audit.AppendAsync(new AuditEntry(turn.Now, turn.Sender.DisplayName, "promotion.cancel-requested", promotion.Id, promotion.Environment,
            JsonSerializer.Serialize(new { runId, outcome = cancelled.Value.ToString() })), CancellationToken.None);
        tracking.TrackSoon(promotion.Id);
        var run = promotion.RunUrl is null ? $"run {runId}" : $"[run {runId}]({promotion.RunUrl})";
        return Reply.Text(cancelled.Value == CancelOutcome.CancellationRequested
            ? $"**Cancelling** promotion `{promotion.Id}`: GitHub is stopping {run}. The status card says when it has stopped and {promotion.Environment} is free."
            : $"{run} of promotion `{promotion.Id}` had already finished; its outcome is posted on the status card.");
    }
}
