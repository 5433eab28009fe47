using JobSheetQA.Bot.Chat.Handlers.Posture;
using JobSheetQA.Bot.Chat.Replies;
using JobSheetQA.Bot.GitHub;
using JobSheetQA.Bot.Promotions;
using JobSheetQA.Bot.Storage;
using JobSheetQA.Bot.Storage.Entities;
using JobSheetQA.Rules.Facts;
using JobSheetQA.Rules.Policy;
using Microsoft.Extensions.Options;

namespace JobSheetQA.Bot.Jobs;

/// <summary>
/// Everything the tracker says about a promotion (design.md §6), each post under its own idempotency key: the status
/// card (one message, updated in place per version), gate failures to subscribed conversations, long waits, the
/// outcome, and after a production success the posture checklist prompt. Safe to call on every poll.
/// </summary>
public sealed class TrackingReporter(
    NotificationPoster poster,
    ParityViolationReader parity,
    PromotionPolicy policy,
    IOptions<TrackingOptions> options,
    TimeProvider time,
    ILogger<TrackingReporter> logger)
{
    // After this long past completion, posts that keep failing are given up rather than retried for ever.
    private static readonly TimeSpan GiveUpAfter = TimeSpan.FromMinutes(10);

    public static string OutcomeKey(string promotionId) => $"outcome:{promotionId}";

    public static string GateFailureKeyPrefix(string promotionId) => $"gate-failure:{promotionId}";

    /// <summary>The status card as it stands, then a gate failure if there is one. False when something must be retried.</summary>
    public async Task<bool> ReportProgressAsync(PromotionEntity promotion, CancellationToken cancellationToken)
    {
        var findings = new FindingsOnce(parity, promotion, lastChance: false, cancellationToken);
        var done = await PostStatusCardAsync(promotion, cancellationToken);
        done &= await NotifyGateFailureAsync(promotion, findings, cancellationToken);
        return done;
    }

    /// <summary>Says once that the run has been queued for long.</summary>
    public Task<bool> ReportQueuedAsync(PromotionEntity promotion, TimeSpan queuedFor, CancellationToken cancellationToken) =>
        PostToRequesterAsync(promotion, TrackingMessages.StillQueued(promotion, queuedFor), $"long-wait:queued:{promotion.Id}", "long-wait", cancellationToken);

    /// <summary>Says once per environment that the run waits for a review.</summary>
    public Task<bool> ReportReviewAsync(PromotionEntity promotion, PendingDeployment pending, CancellationToken cancellationToken) =>
        PostToRequesterAsync(promotion, TrackingMessages.WaitingForReview(promotion, pending),
            $"long-wait:review:{promotion.Id}:{pending.EnvironmentName}", "long-wait", cancellationToken);

    /// <summary>
    /// Everything owed for a finished promotion: final status card, gate failure notices, the outcome (to its
    /// conversation and to subscribers who want outcomes), the posture checklist after a production success.
    /// True when all of it has been posted (or can never be).
    /// </summary>
    public async Task<bool> ReportFinishedAsync(PromotionEntity promotion, CancellationToken cancellationToken)
    {
        var lastChance = time.GetUtcNow() - (promotion.CompletedAt ?? promotion.UpdatedAt) > GiveUpAfter;
        var findings = new FindingsOnce(parity, promotion, lastChance, cancellationToken);
        var done = await PostStatusCardAsync(promotion, cancellationToken);
        done &= await NotifyGateFailureAsync(promotion, findings, cancellationToken);

        async Task<Reply?> Outcome()
        {
            var gate = FailedGate(promotion);
            if (gate != PromotionStep.ParityGate)
                return TrackingMessages.Outcome(promotion, gate, null, options.Value.RunNotFoundAfter);
            return await findings.GetAsync() is { } read ? TrackingMessages.Outcome(promotion, gate, read, options.Value.RunNotFoundAfter) : null;
        }

        if (promotion.ConversationReferenceId is { } conversation && !await poster.IsPostedAsync(OutcomeKey(promotion.Id), cancellationToken))
        {
            done &= await Outcome() is { } reply
                && await poster.PostOnceAsync(conversation, reply, OutcomeKey(promotion.Id), "outcome", promotion.Id, cancellationToken);
        }

        done &= await poster.PostToSubscribersAsync(Outcome, OutcomeKey(promotion.Id), "outcome", promotion.Id,
            outcomesOnly: true, except: promotion.ConversationReferenceId, cancellationToken);

        if (promotion.State == PromotionState.Succeeded && policy.HasReadOnlyPosture(promotion.Environment))
            done &= await PostToRequesterAsync(promotion, PostureChecklist.Prompt(promotion),
                PostureChecklist.IdempotencyKey(promotion.Id), PostureChecklist.PostKind, cancellationToken);

        if (!done && lastChance)
        {
            logger.LogWarning("Giving up on the remaining posts for finished promotion {PromotionId}", promotion.Id);
            return true;
        }

        return done;
    }

    private Task<bool> PostStatusCardAsync(PromotionEntity promotion, CancellationToken cancellationToken) =>
        PostToRequesterAsync(promotion, PromotionStatusCard.Build(promotion), PromotionStatusCard.VersionKey(promotion), "status-card", cancellationToken);

    private async Task<bool> NotifyGateFailureAsync(PromotionEntity promotion, FindingsOnce findings, CancellationToken cancellationToken)
    {
        if (FailedGate(promotion) is not { } gate)
            return true;

        async Task<Reply?> Notice()
        {
            if (gate != PromotionStep.ParityGate)
                return TrackingMessages.GateFailure(promotion, gate, null);
            return await findings.GetAsync() is { } read ? TrackingMessages.GateFailure(promotion, gate, read) : null;
        }

        return await poster.PostToSubscribersAsync(Notice, GateFailureKeyPrefix(promotion.Id), "gate-failure", promotion.Id,
            outcomesOnly: false, except: null, cancellationToken);
    }

    private async Task<bool> PostToRequesterAsync(PromotionEntity promotion, Reply reply, string key, string kind, CancellationToken cancellationToken)
    {
        if (promotion.ConversationReferenceId is not { } conversation)
            return true;
        return await poster.PostOnceAsync(conversation, reply, key, kind, promotion.Id, cancellationToken);
    }

    private static PromotionStep? FailedGate(PromotionEntity promotion) =>
        promotion.GateResults.Where(g => g.Outcome == StepOutcome.Failed).OrderBy(g => g.Step).Select(g => (PromotionStep?)g.Step).FirstOrDefault();

    /// <summary>Reads the parity artifact at most once per poll, and only if a post needs it.</summary>
    private sealed class FindingsOnce(ParityViolationReader reader, PromotionEntity promotion, bool lastChance, CancellationToken cancellationToken)
    {
        private ParityFindings? read;

        /// <summary>The findings; null when reading again later may do better (the artifact not listed yet, GitHub down).</summary>
        public async Task<ParityFindings?> GetAsync()
        {
            read ??= await reader.ReadAsync(promotion, cancellationToken);
            return read.WorthRetrying && !lastChance ? null : read;
        }
    }
}
