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

    /// <summary>The key prefix of the parity report posted after an outcome or notice that said it was not available yet.</summary>
    public static string ParityReportKeyPrefix(string promotionId) => $"parity-report:{promotionId}";

    // Appended to the kind of a post made before the parity report could be read: the report is owed to its conversation.
    private const string ParityReportOwed = "+parity-report-owed";

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
        done &= await PostGateFailureAsync(progressed, progressed.Parity, waitForReport: true, cancellationToken);
        return done;
    }

    /// <summary>
    /// Everything owed for a finished promotion: final status card, gate failure notices, the outcome (to its
    /// conversation and to subscribers who want outcomes), the posture checklist after a production success. None of
    /// them waits for a parity report that is not there yet: they say it is not available, and the report follows into
    /// the same conversations if it appears before the tracker gives up (<see cref="ParityReportKeyPrefix"/>).
    /// </summary>
    private async Task<bool> FinishedAsync(PromotionFinished finished, CancellationToken cancellationToken)
    {
        var promotion = finished.Promotion;
        var done = await PostStatusCardAsync(promotion, cancellationToken);
        done &= await PostGateFailureAsync(finished, finished.Parity, waitForReport: false, cancellationToken);

        async Task<Reply?> Outcome()
        {
            var gate = finished.FailedGate;
            var parity = gate == PromotionStep.ParityGate ? await finished.Parity.ReadAsync(cancellationToken) : null;
            return PromotionReportText.Outcome(promotion, gate, parity, finished.RunNotFoundAfter, finished.NotProven, finished.Parity.ReportPending);
        }

        // Read first, so the parity artifact is downloaded only when the outcome is still owed.
        if (promotion.ConversationReferenceId is { } conversation && !await poster.IsPostedAsync(OutcomeKey(promotion.Id), cancellationToken))
        {
            done &= await Outcome() is { } reply
                && await poster.PostOnceAsync(conversation, reply, OutcomeKey(promotion.Id), KindOf("outcome", finished.Parity), promotion.Id, cancellationToken,
                    promotion.ConversationThreadId);
        }

        done &= await poster.PostToSubscribersAsync(Outcome, OutcomeKey(promotion.Id), "outcome", promotion.Id,
            outcomesOnly: true, except: promotion.ConversationReferenceId, cancellationToken, () => KindOf("outcome", finished.Parity));

        if (finished.FailedGate == PromotionStep.ParityGate)
            done &= await FollowUpParityReportAsync(finished, cancellationToken);

        if (finished.PostureChecklistOwed)
        {
            done &= await PostToRequesterAsync(promotion, PostureChecklistForm.Prompt(promotion),
                PostureChecklistForm.IdempotencyKey(promotion.Id), PostureChecklistForm.PostKind, cancellationToken);
        }

        return done;
    }

    /// <summary>
    /// The parity report, into every conversation told of the failure before it could be read; not done until posted, so
    /// the tracker keeps reading the artifact until it appears or the tracker gives up on the promotion's posts.
    /// </summary>
    private Task<bool> FollowUpParityReportAsync(PromotionFinished finished, CancellationToken cancellationToken)
    {
        var promotion = finished.Promotion;
        async Task<Reply?> Report()
        {
            var read = await finished.Parity.ReadAsync(cancellationToken);
            return read.WorthRetrying ? null : PromotionReportText.ParityReport(promotion, read);
        }

        return poster.FollowUpAsync(promotion.Id, kind => kind.EndsWith(ParityReportOwed, StringComparison.Ordinal), Report,
            ParityReportKeyPrefix(promotion.Id), "parity-report", cancellationToken,
            conversation => conversation == promotion.ConversationReferenceId ? promotion.ConversationThreadId : null);
    }

    private Task<bool> PostStatusCardAsync(PromotionEntity promotion, CancellationToken cancellationToken) =>
        PostToRequesterAsync(promotion, PromotionStatusCard.Build(promotion), PromotionStatusCard.VersionKey(promotion), "status-card", cancellationToken);

    /// <param name="report">The report that found the failed gate.</param>
    /// <param name="parity">The Parity Gate's findings.</param>
    /// <param name="waitForReport">
    /// While the run is in flight a notice waits for the parity report (uploaded as the gate ends, listed a moment later);
    /// once the run finished it goes at once, saying the report is not available yet.
    /// </param>
    /// <param name="cancellationToken">Stops the posts.</param>
    private async Task<bool> PostGateFailureAsync(PromotionReport report, ParityFindingsOnce parity, bool waitForReport, CancellationToken cancellationToken)
    {
        if (report.FailedGate is not { } gate)
            return true;

        var promotion = report.Promotion;
        async Task<Reply?> Notice()
        {
            if (gate != PromotionStep.ParityGate)
                return PromotionReportText.GateFailure(promotion, gate, null);
            if (!waitForReport)
                return PromotionReportText.GateFailure(promotion, gate, await parity.ReadAsync(cancellationToken), parity.ReportPending);
            return await parity.GetAsync(cancellationToken) is { } read ? PromotionReportText.GateFailure(promotion, gate, read) : null;
        }

        return await poster.PostToSubscribersAsync(Notice, GateFailureKeyPrefix(promotion.Id), "gate-failure", promotion.Id,
            outcomesOnly: false, except: null, cancellationToken, () => KindOf("gate-failure", parity));
    }

    /// <summary>A post made before the parity report could be read is marked, so the report follows it (<see cref="FollowUpParityReportAsync"/>).</summary>
    private static string KindOf(string kind, ParityFindingsOnce parity) => parity.ReportPending ? kind + ParityReportOwed : kind;

    /// <summary>
    /// Into the promotion's own conversation, in the thread it was asked in; a promotion started without one (a run
    /// started in the Actions tab) has nobody to tell.
    /// </summary>
    private async Task<bool> PostToRequesterAsync(PromotionEntity promotion, Reply reply, string key, string kind, CancellationToken cancellationToken)
    {
        if (promotion.ConversationReferenceId is not { } conversation)
            return true;
        return await poster.PostOnceAsync(conversation, reply, key, kind, promotion.Id, cancellationToken, promotion.ConversationThreadId);
    }
}
