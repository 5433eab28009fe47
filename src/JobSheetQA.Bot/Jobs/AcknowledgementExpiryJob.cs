using System.Text.Json;
using JobSheetQA.Bot.Promotions;
using JobSheetQA.Bot.Storage;

namespace JobSheetQA.Bot.Jobs;

/// <summary>
/// Expires typed acknowledgements nobody typed in time (design.md §5): the acknowledgement is marked expired, its
/// promotion moves AwaitingAcknowledgement → Expired (which frees the environment), and the requester is told once in
/// the promotion's conversation. Runs on a schedule and at each acknowledgement's expiry time.
/// </summary>
public sealed class AcknowledgementExpiryJob(
    AcknowledgementStore acknowledgements,
    PromotionStore promotions,
    PromotionTransitions transitions,
    NotificationPoster poster,
    TimeProvider time,
    ILogger<AcknowledgementExpiryJob> logger)
{
    public const string RecurringJobId = "acknowledgement-expiry";

    public static string IdempotencyKey(string acknowledgementId) => $"ack-expired:{acknowledgementId}";

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        foreach (var acknowledgement in await acknowledgements.ExpireDueAsync(time.GetUtcNow(), cancellationToken))
        {
            var details = JsonSerializer.Serialize(new { acknowledgementId = acknowledgement.Id, ruleId = acknowledgement.RuleId, expiresAt = acknowledgement.ExpiresAt });
            var move = await transitions.MoveAsync(acknowledgement.PromotionId, PromotionState.Expired, "bot", details, cancellationToken: cancellationToken);
            if (move.Status == PromotionMoveStatus.NotAllowed)
            {
                // The promotion went on without this acknowledgement (dispatched, cancelled): nothing to tell.
                logger.LogInformation("Acknowledgement {AcknowledgementId} expired; promotion {PromotionId} is {State}, left as it is",
                    acknowledgement.Id, acknowledgement.PromotionId, move.Promotion?.State);
                continue;
            }

            var promotion = move.Promotion ?? await promotions.FindAsync(acknowledgement.PromotionId, cancellationToken);
            if (promotion?.ConversationReferenceId is not { } conversation)
                continue;
            await poster.PostOnceAsync(conversation, TrackingMessages.AcknowledgementExpired(promotion, acknowledgement),
                IdempotencyKey(acknowledgement.Id), "ack-expired", promotion.Id, cancellationToken);
        }
    }
}
