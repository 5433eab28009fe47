using System.Text.Json;
using JobSheetQA.Bot.Promotions;
using JobSheetQA.Bot.Promotions.Reports;
using JobSheetQA.Bot.Storage;
using JobSheetQA.Bot.Storage.Entities;

namespace JobSheetQA.Bot.Jobs;

/// <summary>
/// Expires typed acknowledgements nobody typed in time (runbook §2.4): the acknowledgement is marked expired, its
/// promotion moves AwaitingAcknowledgement → Expired (which frees the environment), and that is reported, so the
/// requester is told once in the promotion's conversation. Runs on a schedule and at each acknowledgement's expiry time.
/// </summary>
public sealed class AcknowledgementExpiryJob(
    AcknowledgementStore acknowledgements,
    PromotionStore promotions,
    PromotionTransitions transitions,
    IPromotionReports reports,
    TimeProvider time,
    ILogger<AcknowledgementExpiryJob> logger)
{
    public const string RecurringJobId = "acknowledgement-expiry";

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        foreach (var acknowledgement in await acknowledgements.ExpireDueAsync(time.GetUtcNow(), cancellationToken))
            await ExpirePromotionAsync(acknowledgement, cancellationToken);

        // An instance that stopped between expiring an acknowledgement and moving its promotion left the promotion
        // waiting (and holding its environment) for an acknowledgement that can no longer come: finish that move now.
        foreach (var waiting in await promotions.InStatesAsync([PromotionState.AwaitingAcknowledgement], cancellationToken))
        {
            var latest = (await acknowledgements.ForPromotionAsync(waiting.Id, cancellationToken)).FirstOrDefault();
            if (latest?.State == AcknowledgementState.Expired)
                await ExpirePromotionAsync(latest, cancellationToken);
        }
    }

    private async Task ExpirePromotionAsync(AcknowledgementEntity acknowledgement, CancellationToken cancellationToken)
    {
        var details = JsonSerializer.Serialize(new { acknowledgementId = acknowledgement.Id, ruleId = acknowledgement.RuleId, expiresAt = acknowledgement.ExpiresAt });
        var move = await transitions.MoveAsync(acknowledgement.PromotionId, PromotionState.Expired, Actor.Bot, details, cancellationToken: cancellationToken);
        if (move.Status == PromotionMoveStatus.NotAllowed)
        {
            // The promotion went on without this acknowledgement (dispatched, cancelled): nothing to tell.
            JobsLog.AcknowledgementExpiredAfterPromotionMovedOn(logger, acknowledgement.Id, acknowledgement.PromotionId, move.Promotion?.State);
            return;
        }

        if ((move.Promotion ?? await promotions.FindAsync(acknowledgement.PromotionId, cancellationToken)) is { } promotion)
            await reports.ReportAsync(new AcknowledgementExpired(promotion, acknowledgement), cancellationToken);
    }
}
