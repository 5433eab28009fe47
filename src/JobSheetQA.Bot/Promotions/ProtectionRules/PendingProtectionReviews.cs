using JobSheetQA.Bot.GitHub;
using JobSheetQA.Bot.GitHub.Client;
using JobSheetQA.Bot.GitHub.ProtectionRules;
using JobSheetQA.Bot.Storage;
using JobSheetQA.Bot.Storage.Entities;
using Microsoft.Extensions.Options;

namespace JobSheetQA.Bot.Promotions.ProtectionRules;

/// <summary>
/// Never leaves GitHub waiting (docs/github-setup.md, section 5): a <c>deployment_protection_rule</c> request is stored as a
/// pending review and the webhook answered at once; a background job judges it (<see cref="ProtectionRuleReviewer"/>),
/// stores the answer and sends it; the sweep (at start-up and every minute) re-queues reviews no job picked up, sends
/// again answers GitHub did not take, and rejects whatever is still unanswered <see cref="ProtectionRuleOptions.GiveUpAfter"/>
/// after it arrived. Each step is a guarded update of the stored review, so a review is judged once and answered once.
/// </summary>
public sealed class PendingProtectionReviews(
    PendingReviewStore store,
    ProtectionRuleReviewer reviewer,
    IProtectionRuleAnswers answers,
    IDeploymentProtectionReviews reviews,
    IProtectionReviewQueue queue,
    IGitHubTargetAccessor target,
    IOptions<ProtectionRuleOptions> options,
    TimeProvider time,
    ILogger<PendingProtectionReviews> logger)
{
    /// <summary>The rejection the sweep gives a review nobody finished judging.</summary>
    public const string NotFinishedReason = "the bot could not finish judging this run; start it again";

    /// <summary>A decided answer GitHub did not take is sent this often at most (then the review counts as answered).</summary>
    public const int MaxSendAttempts = 5;

    // A pending review no job has claimed this long is queued again; a decided one no sender finished this long is sent again.
    private static readonly TimeSpan Requeue = TimeSpan.FromSeconds(30);

    /// <summary>Stores the request and queues its judging; false when there is nothing to do: another repository's (an App
    /// installed on several answers only for the one it promotes), or a deployment already received (a redelivery).</summary>
    public async Task<bool> AcceptAsync(DeploymentProtectionRequest request, CancellationToken cancellationToken)
    {
        var ours = target.Target.FullName;
        if (!string.Equals(request.Repository, ours, StringComparison.OrdinalIgnoreCase))
        {
            PromotionsLog.ProtectionRuleOtherRepository(logger, request.RunId, request.Repository, ours);
            return false;
        }

        var id = await store.TryAddAsync(new PendingProtectionReviewEntity
        {
            Repository = request.Repository,
            RunId = request.RunId,
            Environment = request.Environment,
            DeploymentId = request.DeploymentId,
            CommitSha = request.CommitSha,
            Ref = request.Ref,
            Event = request.Event,
            CallbackUrl = request.CallbackUrl,
            SenderLogin = request.SenderLogin,
            Delivery = request.Delivery,
            State = PendingReviewState.Pending,
            ReceivedAt = time.GetUtcNow(),
        }, cancellationToken);
        if (id is not { } stored)
        {
            PromotionsLog.ProtectionRuleAlreadyReviewed(logger, request.RunId, request.Environment, request.Delivery);
            return false;
        }

        PromotionsLog.ProtectionRuleQueued(logger, request.RunId, request.Environment, stored);
        queue.ReviewSoon(stored);
        return true;
    }

    /// <summary>The job: judges the review if no one has begun to, then answers. Safe to run twice or after a restart.</summary>
    public async Task ReviewAsync(long pendingReviewId, CancellationToken cancellationToken)
    {
        if (await store.GetAsync(pendingReviewId, cancellationToken) is not { State: PendingReviewState.Pending } pending
            || !await store.TryClaimAsync(pendingReviewId, time.GetUtcNow(), cancellationToken))
            return;

        var review = await reviewer.JudgeAsync(RequestOf(pending), cancellationToken);
        var answer = answers.Word(review);
        if (!await store.TryDecideAsync(pendingReviewId, answer.Approved, answer.Comment, review.PromotionId, time.GetUtcNow(), CancellationToken.None))
        {
            PromotionsLog.ProtectionRuleDecidedTooLate(logger, pendingReviewId, pending.RunId);
            return;
        }

        await SendAsync(pending, answer, attemptsBefore: 0);
        await answers.ReportAsync(review, CancellationToken.None);
    }

    /// <summary>The sweep. <paramref name="resume"/> (at start-up) queues every review no one claimed, however recent.</summary>
    /// <returns>How many reviews it queued, answered or sent again.</returns>
    public async Task<int> SweepAsync(bool resume, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var giveUpAfter = options.Value.GiveUpAfter;
        var touched = 0;
        foreach (var pending in await store.UnansweredAsync(cancellationToken))
        {
            if (pending.State is PendingReviewState.Pending or PendingReviewState.Judging && now - pending.ReceivedAt >= giveUpAfter)
            {
                var request = RequestOf(pending);
                var answer = answers.Word(new RunNotJudged(request, NotFinishedReason, Promotion: null, OutsideChat: false));
                if (!await store.TryGiveUpAsync(pending.Id, answer.Comment, now - giveUpAfter, now, cancellationToken))
                    continue;
                PromotionsLog.ProtectionRuleGivenUp(logger, pending.Id, pending.RunId, pending.Environment, giveUpAfter);
                // A promotion the unfinished judging recorded would otherwise hold its environment until someone cancels it.
                await reviewer.RefuseUnfinishedAsync(request, NotFinishedReason, cancellationToken);
                await SendAsync(pending, answer with { Approved = false }, attemptsBefore: 0);
                touched++;
            }
            else if (pending.State == PendingReviewState.Pending && (resume || now - pending.ReceivedAt >= Requeue))
            {
                queue.ReviewSoon(pending.Id);
                touched++;
            }
            else if (pending is { State: PendingReviewState.Decided, Approved: { } approved, Comment: { } comment }
                && (pending.ClaimedAt is not { } taken || now - taken >= Requeue)
                && await store.TryRetakeDecidedAsync(pending.Id, pending.ClaimedAt, now, cancellationToken))
            {
                await SendAsync(pending, new ProtectionRuleAnswer(approved, comment), pending.SendAttempts);
                touched++;
            }
        }

        return touched;
    }

    /// <summary>Sends the stored answer; the review is answered once GitHub takes it, refuses it for good (the run is no longer
    /// waiting, or was answered), or <see cref="MaxSendAttempts"/> sends failed.</summary>
    private async Task SendAsync(PendingProtectionReviewEntity pending, ProtectionRuleAnswer answer, int attemptsBefore)
    {
        var sent = await reviews.ReviewAsync(pending.RunId, pending.Environment, answer.Approved, answer.Comment, CancellationToken.None);
        var final = sent.Succeeded || sent.Error.Kind is GitHubErrorKind.Validation or GitHubErrorKind.NotFound or GitHubErrorKind.Gone;
        if (!sent.Succeeded)
            PromotionsLog.ProtectionRuleAnswerNotTaken(logger, pending.RunId, pending.Environment, attemptsBefore + 1, sent.Error.Kind, sent.Error.Message);
        await store.RecordSendAsync(pending.Id, final, MaxSendAttempts, time.GetUtcNow(), CancellationToken.None);
    }

    private static DeploymentProtectionRequest RequestOf(PendingProtectionReviewEntity pending) =>
        new(pending.Delivery, pending.Environment, pending.Event, pending.DeploymentId, pending.CommitSha, pending.Ref, pending.RunId,
            pending.SenderLogin, pending.Repository, pending.CallbackUrl);
}
