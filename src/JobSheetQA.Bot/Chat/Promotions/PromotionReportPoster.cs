using JobSheetQA.Bot.Chat.Outbound;
using JobSheetQA.Bot.Chat.Posture;
using JobSheetQA.Bot.Chat.Replies;
using JobSheetQA.Bot.Promotions.Reports;
using JobSheetQA.Bot.Storage.Entities;
using JobSheetQA.Rules.Facts;

namespace JobSheetQA.Bot.Chat.Promotions;

/// <summary>
/// Posts what the promotions module and its jobs report, each post under its own idempotency key: the status card
/// (one message in the promotion's conversation, updated in place per version), gate failures to subscribed
/// conversations, long waits, the outcome (to the promotion's conversation and to subscribers who want outcomes),
/// the posture checklist prompt after a production success, an expired acknowledgement. Safe to call on every poll.
/// </summary>
public sealed class PromotionReportPoster(ConversationPoster poster) : IPromotionReports
{
    public static string OutcomeKey(string promotionId) => $"outcome:{promotionId}";

    public static string GateFailureKeyPrefix(string promotionId) => $"gate-failure:{promotionId}";

    public static string AcknowledgementExpiredKey(string acknowledgementId) => $"ack-expired:{acknowledgementId}";

    public Task<bool> ReportAsync(PromotionReport report, CancellationToken cancellationToken) => report switch
    {
        PromotionProgressed r => ProgressAsync(r, cancellationToken),
        PromotionFinished r => FinishedAsync(r, cancellationToken),
        RunStillQueued r => PostToRequesterAsync(r.Promotion, PromotionReportText.StillQueued(r.Promotion, r.QueuedFor),
            $"long-wait:queued:{r.Promotion.Id}", "long-wait", cancellationToken),
        RunAwaitingReview r => PostToRequesterAsync(r.Promotion, PromotionReportText.WaitingForReview(r.Promotion, r.Review),
            $"long-wait:review:{r.Promotion.Id}:{r.Review.EnvironmentName}", "long-wait", cancellationToken),
        AcknowledgementExpired r => PostToRequesterAsync(r.Promotion, PromotionReportText.AcknowledgementExpired(r.Promotion, r.Acknowledgement),
            AcknowledgementExpiredKey(r.Acknowledgement.Id), "ack-expired", cancellationToken),
        _ => throw new NotSupportedException($"No post for {report.GetType().Name}."),
    };

    /// <summary>The status card as it stands, then a gate failure if there is one.</summary>
    private async Task<bool> ProgressAsync(PromotionProgressed progressed, CancellationToken cancellationToken)
    {
        var done = await PostStatusCardAsync(progressed.Promotion, cancellationToken);
        done &= await NotifyGateFailureAsync(progressed, progressed.Parity, cancellationToken);
        return done;
    }

    /// <summary>
    /// Everything owed for a finished promotion: final status card, gate failure notices, the outcome (to its
    /// conversation and to subscribers who want outcomes), the posture checklist after a production success.
    /// </summary>
    private async Task<bool> FinishedAsync(PromotionFinished finished, CancellationToken cancellationToken)
    {
        var promotion = finished.Promotion;
        var done = await PostStatusCardAsync(promotion, cancellationToken);
        done &= await NotifyGateFailureAsync(finished, finished.Parity, cancellationToken);

        async Task<Reply?> Outcome()
        {
            var gate = finished.FailedGate;
            if (gate != PromotionStep.ParityGate)
                return PromotionReportText.Outcome(promotion, gate, null, finished.RunNotFoundAfter, finished.NotProven);
            return await finished.Parity.GetAsync(cancellationToken) is { } read
                ? PromotionReportText.Outcome(promotion, gate, read, finished.RunNotFoundAfter, finished.NotProven)
                : null;
        }

        // Read first, so the parity artifact is downloaded only when the outcome is still owed.
        if (promotion.ConversationReferenceId is { } conversation && !await poster.IsPostedAsync(OutcomeKey(promotion.Id), cancellationToken))
        {
            done &= await Outcome() is { } reply
                && await poster.PostOnceAsync(conversation, reply, OutcomeKey(promotion.Id), "outcome", promotion.Id, cancellationToken);
        }

        done &= await poster.PostToSubscribersAsync(Outcome, OutcomeKey(promotion.Id), "outcome", promotion.Id,
            outcomesOnly: true, except: promotion.ConversationReferenceId, cancellationToken);

        if (finished.PostureChecklistOwed)
        {
            done &= await PostToRequesterAsync(promotion, PostureChecklistForm.Prompt(promotion),
                PostureChecklistForm.IdempotencyKey(promotion.Id), PostureChecklistForm.PostKind, cancellationToken);
        }

        return done;
    }

    private Task<bool> PostStatusCardAsync(PromotionEntity promotion, CancellationToken cancellationToken) =>
        PostToRequesterAsync(promotion, PromotionStatusCard.Build(promotion), PromotionStatusCard.VersionKey(promotion), "status-card", cancellationToken);

    private async Task<bool> NotifyGateFailureAsync(PromotionReport report, ParityFindingsOnce parity, CancellationToken cancellationToken)
    {
        if (report.FailedGate is not { } gate)
            return true;

        var promotion = report.Promotion;
        async Task<Reply?> Notice()
        {
            if (gate != PromotionStep.ParityGate)
                return PromotionReportText.GateFailure(promotion, gate, null);
            return await parity.GetAsync(cancellationToken) is { } read ? PromotionReportText.GateFailure(promotion, gate, read) : null;
        }

        return await poster.PostToSubscribersAsync(Notice, GateFailureKeyPrefix(promotion.Id), "gate-failure", promotion.Id,
            outcomesOnly: false, except: null, cancellationToken);
    }

    /// <summary>Into the promotion's own conversation; a promotion started without one (none today) has nobody to tell.</summary>
    private async Task<bool> PostToRequesterAsync(PromotionEntity promotion, Reply reply, string key, string kind, CancellationToken cancellationToken)
    {
        if (promotion.ConversationReferenceId is not { } conversation)
            return true;
        return await poster.PostOnceAsync(conversation, reply, key, kind, promotion.Id, cancellationToken);
    }
}
