using System.Text.Json;
using JobSheetQA.Bot.GitHub;
using JobSheetQA.Bot.GitHub.Client;
using JobSheetQA.Bot.GitHub.ProtectionRules;
using JobSheetQA.Bot.Policy;
using JobSheetQA.Bot.Storage;
using JobSheetQA.Bot.Storage.Entities;
using JobSheetQA.Rules.Decisions;
using JobSheetQA.Rules.Engine;
using JobSheetQA.Rules.Facts;
using JobSheetQA.Rules.Policy;

namespace JobSheetQA.Bot.Promotions.ProtectionRules;

/// <summary>
/// Closes the side entrance (docs/github-setup.md, "Deployment protection rule"): every job that deploys to a protected
/// environment waits until this answers. A run the bot dispatched is approved while its promotion is in flight for that
/// commit and environment and still allowed; any other run (the Actions tab's Run workflow button) is judged by the same
/// compiled rule sets as <c>promote</c>, recorded as a promotion from <see cref="PromotionSource.Actions"/>, audited,
/// given the environment lock and tracked. Anything that goes wrong rejects (fail closed).
/// </summary>
public sealed class ProtectionRuleReviewer(
    IWorkflowRunTracker runs,
    PromotionStore promotions,
    PromotionTransitions transitions,
    PromotionLocks locks,
    PromotionFactsGatherer gatherer,
    PolicyEngine engine,
    PromotionPolicy policy,
    AuditLog audit,
    IRunTrackingScheduler tracking,
    TimeProvider time,
    ILogger<ProtectionRuleReviewer> logger)
{
    /// <summary>Judges the run GitHub waits on; never throws but for cancellation: anything that goes wrong is a
    /// <see cref="RunNotJudged"/> (answered <c>rejected</c>), and a promotion recorded before it is refused.</summary>
    public async Task<ProtectionRuleReview> JudgeAsync(DeploymentProtectionRequest request, CancellationToken cancellationToken)
    {
        var recorded = new Recorded();
        ProtectionRuleReview review;
        try
        {
            cancellationToken.ThrowIfCancellationRequested();
            review = await JudgeRunAsync(request, recorded);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            PromotionsLog.ProtectionRuleJudgingFailed(logger, request.RunId, request.Environment, ex);
            review = new RunNotJudged(request, $"the bot failed while judging ({ex.GetType().Name}); see its log", recorded.Promotion, recorded.Outside);
            if (recorded.Promotion is { } promotion)
                await TryRefuseAsync(promotion, review);
        }

        PromotionsLog.ProtectionRuleReviewed(logger, request.RunId, request.Environment, request.CommitSha,
            review.Approved ? "approved" : "rejected", review.GetType().Name, review.PromotionId);
        return review;
    }

    private async Task<ProtectionRuleReview> JudgeRunAsync(DeploymentProtectionRequest request, Recorded recorded)
    {
        var run = await runs.GetRunAsync(request.RunId, CancellationToken.None);
        if (!run.Succeeded)
            return new RunNotJudged(request, run.Error.Message, null, OutsideChat: true);

        if (await OwnPromotionAsync(request, run.Value) is { } own)
            return await ConfirmOwnRunAsync(request, own);

        recorded.Outside = true;
        return await JudgeOutsideRunAsync(request, run.Value, recorded);
    }

    /// <summary>The bot's promotion this run belongs to: its correlation id in the run title, in flight, same environment,
    /// commit and (once known) run id. A title alone is not enough: anyone may type a correlation id at the Run workflow button.</summary>
    private async Task<PromotionEntity?> OwnPromotionAsync(DeploymentProtectionRequest request, WorkflowRunSnapshot run)
    {
        if (PromotionDispatch.CorrelationIdIn(run.DisplayTitle) is not { } correlationId
            || await promotions.FindByCorrelationIdAsync(correlationId, CancellationToken.None) is not { } promotion)
            return null;

        return promotion.Source == PromotionSource.Chat
            && PromotionStore.RunInFlightStates.Contains(promotion.State)
            && promotion.Environment == request.Environment
            && string.Equals(promotion.CommitSha, request.CommitSha, StringComparison.OrdinalIgnoreCase)
            && (promotion.RunId is null || promotion.RunId == request.RunId)
                ? promotion
                : null;
    }

    /// <summary>Approved if HEAD is still the judged commit and no rule refuses now (a posture flag switched on since).</summary>
    private async Task<ProtectionRuleReview> ConfirmOwnRunAsync(DeploymentProtectionRequest request, PromotionEntity promotion)
    {
        var ask = new PromotionAsk(promotion.Id, promotion.Environment, promotion.Ref, promotion.SkipParity, promotion.UseNightlyParity,
            AcknowledgementText: null, promotion.ToRequester());
        var gathered = await gatherer.GatherAsync(ask, CancellationToken.None);
        if (!gathered.Succeeded)
            return new RunNotJudged(request, gathered.Error.Message, promotion, OutsideChat: false);

        var head = gathered.Facts.Request.CommitSha;
        if (!string.Equals(head, promotion.CommitSha, StringComparison.OrdinalIgnoreCase))
            return new OwnRunNoLongerAllowed(request, promotion, head, Decision: null);

        // The acknowledgement a staging skip needed was given before dispatch; only refusals count now.
        var decision = engine.Decide(gathered.Facts);
        return decision.Verdict == Verdict.Deny
            ? new OwnRunNoLongerAllowed(request, promotion, head, decision)
            : new OwnRunConfirmed(request, promotion);
    }

    private async Task<ProtectionRuleReview> JudgeOutsideRunAsync(DeploymentProtectionRequest request, WorkflowRunSnapshot run, Recorded recorded)
    {
        var requester = new RequesterIdentity(PersonNaming.GitHubChannel, request.SenderLogin, "@" + request.SenderLogin);
        var actor = Actor.Of(requester);
        // The REST API does not return a run's inputs; promotion.yml's run-name shows them. A title that does not is judged the
        // closed way: as if it skipped parity, which needs a typed acknowledgement the Actions tab cannot give (refused either way).
        var shown = PromotionDispatch.InputsIn(run.DisplayTitle, request.Environment);
        var inputs = shown ?? new RunTitleInputs(SkipParity: true, UseNightlyParity: false);
        var unreadableTitle = shown is null ? run.DisplayTitle ?? "" : null;
        var promotion = await CreateAsync(request, run, inputs, requester, actor);
        recorded.Promotion = promotion;

        var ask = new PromotionAsk(promotion.Id, promotion.Environment, promotion.Ref, inputs.SkipParity, inputs.UseNightlyParity,
            AcknowledgementText: null, requester, request.CommitSha);
        var gathered = await gatherer.GatherAsync(ask, CancellationToken.None);
        if (!gathered.Succeeded)
        {
            await transitions.MoveAsync(promotion.Id, PromotionState.Refused, actor, PromotionService.GitHubErrorDetails(gathered.Error), cancellationToken: CancellationToken.None);
            return new RunNotJudged(request, gathered.Error.Message, promotion, OutsideChat: true);
        }

        var decision = engine.Decide(gathered.Facts);
        var details = AuditDetails.ForDecision(decision);
        var evaluated = await transitions.MoveAsync(promotion.Id, PromotionState.Evaluated, actor, details, p => p.RecordDecision(decision), CancellationToken.None);
        promotion = evaluated.Promotion ?? promotion;
        recorded.Promotion = promotion;

        // No typed acknowledgement can reach a run started in the Actions tab: what needs one is refused like a denial.
        if (decision.Verdict != Verdict.Allow)
        {
            var refused = await transitions.MoveAsync(promotion.Id, PromotionState.Refused, actor, details, cancellationToken: CancellationToken.None);
            return new OutsideRunRefused(request, decision, refused.Promotion ?? promotion, unreadableTitle);
        }

        var lockTaken = await locks.TryAcquireAsync(promotion.Environment, promotion.Id, requester.DisplayName, time.GetUtcNow(), CancellationToken.None);
        if (!lockTaken.Acquired)
        {
            var held = await transitions.MoveAsync(promotion.Id, PromotionState.Refused, actor, AuditDetails.ForLockRefusal(lockTaken.Holder), cancellationToken: CancellationToken.None);
            return new OutsideRunEnvironmentHeld(request, lockTaken.Holder, held.Promotion ?? promotion);
        }

        var dispatched = await transitions.MoveAsync(promotion.Id, PromotionState.Dispatched, actor,
            JsonSerializer.Serialize(new { source = "actions", runId = request.RunId, runUrl = run.HtmlUrl, deploymentId = request.DeploymentId }),
            cancellationToken: CancellationToken.None);
        if (!dispatched.Moved)
            return new RunNotJudged(request, $"promotion {promotion.Id} is {dispatched.Promotion?.State.ToString() ?? "gone"}", promotion, OutsideChat: true);

        tracking.TrackSoon(promotion.Id);
        return new OutsideRunAllowed(request, decision, dispatched.Promotion!);
    }

    private async Task<PromotionEntity> CreateAsync(DeploymentProtectionRequest request, WorkflowRunSnapshot run, RunTitleInputs inputs, RequesterIdentity requester, Actor actor)
    {
        var now = time.GetUtcNow();
        var id = PromotionIds.New();
        var promotion = new PromotionEntity
        {
            Id = id,
            Environment = request.Environment,
            Ref = string.IsNullOrEmpty(request.Ref) ? policy.AllowedBranch : GitRef.BranchOf(request.Ref),
            CommitSha = request.CommitSha,
            SkipParity = inputs.SkipParity,
            UseNightlyParity = inputs.UseNightlyParity,
            RequesterChannel = requester.Channel,
            RequesterUserId = requester.UserId,
            RequesterDisplayName = requester.DisplayName,
            State = PromotionState.Requested,
            Source = PromotionSource.Actions,
            CorrelationId = id,
            RunId = request.RunId,
            RunUrl = run.HtmlUrl,
            CreatedAt = now,
            UpdatedAt = now,
        };
        await promotions.AddAsync(promotion, CancellationToken.None);
        var details = JsonSerializer.Serialize(new
        {
            source = "actions",
            request.Environment,
            @ref = promotion.Ref,
            commit = request.CommitSha,
            runId = request.RunId,
            runTitle = run.DisplayTitle,
            skipParity = inputs.SkipParity,
            useNightlyParity = inputs.UseNightlyParity,
            @event = request.Event,
            requester = requester.QualifiedId,
            delivery = request.Delivery,
        });
        await audit.AppendAsync(new AuditEntry(now, actor, "promotion.requested", id, request.Environment, details), CancellationToken.None);
        return promotion;
    }

    /// <summary>
    /// Refuses what a judging that never finished (the bot died in it) left of the run's promotion before dispatch:
    /// Requested, or Evaluated and perhaps holding the environment lock, which the refusal frees. For the sweep that
    /// rejects the run. Returns how many it refused.
    /// </summary>
    public async Task<int> RefuseUnfinishedAsync(DeploymentProtectionRequest request, string reason, CancellationToken cancellationToken)
    {
        var left = (await promotions.InStatesAsync([PromotionState.Requested, PromotionState.Evaluated], cancellationToken))
            .Where(p => p.Source == PromotionSource.Actions && p.RunId == request.RunId && p.Environment == request.Environment);
        var refused = 0;
        foreach (var promotion in left)
        {
            var move = await transitions.MoveAsync(promotion.Id, PromotionState.Refused, Actor.Bot, JsonSerializer.Serialize(new { error = reason }),
                cancellationToken: CancellationToken.None);
            if (move.Moved)
                refused++;
        }

        return refused;
    }

    private async Task TryRefuseAsync(PromotionEntity promotion, ProtectionRuleReview review)
    {
        try
        {
            var reason = review is RunNotJudged notJudged ? notJudged.Reason : review.GetType().Name;
            await transitions.MoveAsync(promotion.Id, PromotionState.Refused, Actor.Bot, JsonSerializer.Serialize(new { error = reason }), cancellationToken: CancellationToken.None);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The rejection still goes to GitHub; the row stays where it was and the audit log shows why.
            PromotionsLog.ProtectionRuleJudgingFailed(logger, review.Request.RunId, review.Request.Environment, ex);
        }
    }

    /// <summary>What the judging recorded before anything failed, so a failure can still refuse it.</summary>
    private sealed class Recorded
    {
        public PromotionEntity? Promotion { get; set; }

        public bool Outside { get; set; }
    }
}
