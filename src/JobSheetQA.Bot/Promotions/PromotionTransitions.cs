using JobSheetQA.Bot.Hosting.Telemetry;
using JobSheetQA.Bot.Storage;
using JobSheetQA.Bot.Storage.Entities;

namespace JobSheetQA.Bot.Promotions;

/// <summary>
/// The one way a promotion changes state: checked against <see cref="PromotionLifecycle"/>, saved with the row version
/// (two instances cannot both make the same move), written to the audit log, and on a final state the environment
/// lock is released (also when a move is refused because the promotion is already final, in case it took the lock
/// after its final move). A move to where the promotion already is changes nothing, so repeats are harmless.
/// </summary>
public sealed class PromotionTransitions(PromotionStore promotions, PromotionLocks locks, AuditLog audit, TimeProvider time, BotMetrics metrics, ILogger<PromotionTransitions> logger)
{
    // Another worker may save the same row between our read and write (e.g. recording a run id); re-read and re-judge.
    private const int Attempts = 5;

    /// <param name="promotionId">The promotion to move.</param>
    /// <param name="to">The state to move to.</param>
    /// <param name="actor">Who caused it, for the audit log: a person, or the bot itself (<see cref="Actor.Tracker"/>, <see cref="Actor.Bot"/>).</param>
    /// <param name="details">Audit details (JSON), e.g. <see cref="AuditDetails.ForDecision"/>.</param>
    /// <param name="change">Other fields to set in the same save (run id, decision); completion and dispatch times are set here.</param>
    public async Task<PromotionMove> MoveAsync(
        string promotionId, PromotionState to, Actor actor, string? details = null, Action<PromotionEntity>? change = null,
        CancellationToken cancellationToken = default)
    {
        for (var attempt = 0; attempt < Attempts; attempt++)
        {
            var current = await promotions.FindAsync(promotionId, cancellationToken);
            if (current is null)
                return new PromotionMove(PromotionMoveStatus.NotFound, null);

            switch (PromotionLifecycle.Check(current.State, to))
            {
                case TransitionCheck.AlreadyThere:
                    return new PromotionMove(PromotionMoveStatus.AlreadyThere, current);
                case TransitionCheck.NotAllowed:
                    // A cancel between the move to Evaluated and taking the lock released nothing; nothing else would free it.
                    if (PromotionLifecycle.IsFinal(current.State)
                        && await locks.ReleaseAsync(current.Environment, current.Id, CancellationToken.None))
                        PromotionsLog.StaleLockReleased(logger, current.Id, current.State, current.Environment);
                    return new PromotionMove(PromotionMoveStatus.NotAllowed, current);
            }

            var now = time.GetUtcNow();
            var from = current.State;
            var update = await promotions.UpdateAsync(promotionId, current.RowVersion, promotion =>
            {
                promotion.State = to;
                if (to == PromotionState.Dispatched)
                    promotion.DispatchedAt ??= now;
                if (PromotionLifecycle.IsFinal(to))
                    promotion.CompletedAt ??= now;
                change?.Invoke(promotion);
            }, now, cancellationToken);

            if (update.Status == PromotionUpdateStatus.Conflict)
                continue;
            if (update.Status == PromotionUpdateStatus.NotFound)
                return new PromotionMove(PromotionMoveStatus.NotFound, null);

            var moved = update.Promotion!;
            await audit.AppendAsync(new AuditEntry(now, actor, $"promotion.{Name(to)}", moved.Id, moved.Environment, details), CancellationToken.None);
            if (PromotionLifecycle.IsFinal(to))
                await locks.ReleaseAsync(moved.Environment, moved.Id, CancellationToken.None);
            PromotionsLog.Moved(logger, moved.Id, moved.Environment, from, to, actor.Id);
            metrics.Promotion(to.ToString());
            return new PromotionMove(PromotionMoveStatus.Moved, moved);
        }

        throw new InvalidOperationException($"Promotion {promotionId} kept changing while moving it to {to}.");
    }

    /// <summary>The audit action's name for a state, e.g. <c>awaiting-acknowledgement</c>.</summary>
    public static string Name(PromotionState state) =>
        string.Concat(state.ToString().Select((c, i) => i > 0 && char.IsUpper(c) ? "-" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));
}
