using System.Text.Json;
using JobSheetQA.Bot.GitHub;
using JobSheetQA.Bot.Hosting.Telemetry;
using JobSheetQA.Bot.Storage;
using JobSheetQA.Bot.Storage.Entities;
using JobSheetQA.Rules.Decisions;

namespace JobSheetQA.Bot.Promotions;

/// <summary>
/// Dispatches an allowed promotion (straight after the decision, or after its acknowledgement): sends
/// <c>promotion.yml</c> its runbook inputs (§2.1), records the run and starts tracking. A dispatch GitHub definitely
/// refused fails the promotion (freeing the environment); one whose outcome is unknown is left to the tracker, which
/// finds the run by correlation id, because dispatching again could start two runs.
/// </summary>
public sealed class PromotionLauncher(
    IPromotionDispatcher dispatcher,
    IWorkflowRunTracker runs,
    PromotionTransitions transitions,
    IRunTrackingScheduler tracking,
    ILogger<PromotionLauncher> logger)
{
    /// <param name="promotion">The promotion, evaluated or acknowledged, holding its environment.</param>
    /// <param name="acknowledgement">The phrase exactly as typed (staging skip only); null when none was asked for.</param>
    /// <param name="decision">The decision that allowed it.</param>
    /// <param name="actor">Who caused the dispatch, for the audit log.</param>
    /// <param name="cancellationToken">Cancels the dispatch request itself; what follows it is recorded regardless.</param>
    public async Task<PromotionOutcome> LaunchAsync(
        PromotionEntity promotion, string? acknowledgement, Decision decision, Actor actor, CancellationToken cancellationToken)
    {
        var dispatch = new PromotionDispatch(promotion.CorrelationId, promotion.Environment, promotion.Ref, promotion.UseNightlyParity, promotion.SkipParity, acknowledgement);
        GitHubResult<DispatchedRun> result;
        using (var span = BotTelemetry.Promotions.StartActivity("promotion.dispatch"))
        {
            span?.SetTag("promotion.id", promotion.Id);
            span?.SetTag("promotion.environment", promotion.Environment);
            result = await dispatcher.DispatchAsync(dispatch, cancellationToken);
            span?.SetTag("dispatch.succeeded", result.Succeeded);
        }

        // From here on the run may exist: what follows must be recorded even if the chat request is abandoned.
        if (result.Succeeded)
            return await RecordDispatchedAsync(promotion, dispatch, result.Value, decision, actor);

        if (IsOutcomeUnknown(result.Error))
        {
            var moved = await transitions.MoveAsync(promotion.Id, PromotionState.Dispatched, actor, Details(dispatch, null, result.Error), p => p.RecordDecision(decision), CancellationToken.None);
            if (!moved.Moved)
                return await CancelUnconfirmedRunAsync(moved.Promotion ?? promotion, moved.Promotion?.State ?? PromotionState.Cancelled);

            tracking.TrackSoon(promotion.Id);
            PromotionsLog.DispatchOutcomeUnknown(logger, promotion.Id, result.Error.Kind);
            return new DispatchOutcomeUnknown(moved.Promotion!, result.Error);
        }

        var failed = await transitions.MoveAsync(promotion.Id, PromotionState.Failed, actor, Details(dispatch, null, result.Error), p => p.RecordDecision(decision), CancellationToken.None);
        PromotionsLog.DispatchFailed(logger, promotion.Id, result.Error.Kind);
        return new DispatchFailed(failed.Promotion ?? promotion, result.Error);
    }

    /// <summary>
    /// Cancelled (or otherwise finished) while a dispatch of unknown outcome was under way: nothing tracks the promotion
    /// any more, so look for its run once now and cancel it, rather than let it deploy what the requester called off.
    /// </summary>
    private async Task<PromotionOutcome> CancelUnconfirmedRunAsync(PromotionEntity promotion, PromotionState state)
    {
        var found = await dispatcher.FindRunAsync(promotion, CancellationToken.None);
        if (found is { Succeeded: true, Value: { } run })
        {
            PromotionsLog.CancellingFoundRunOfStoppedPromotion(logger, promotion.Id, state, run.RunId);
            var cancelled = await runs.CancelRunAsync(run.RunId, CancellationToken.None);
            return new StoppedDuringUnknownDispatch(promotion, state, run, cancelled.Succeeded ? null : cancelled.Error);
        }

        PromotionsLog.NoRunForStoppedPromotion(logger, promotion.Id, state);
        return new StoppedDuringUnknownDispatch(promotion, state, Run: null, CancelError: null);
    }

    private async Task<PromotionOutcome> RecordDispatchedAsync(PromotionEntity promotion, PromotionDispatch dispatch, DispatchedRun run, Decision decision, Actor actor)
    {
        var moved = await transitions.MoveAsync(promotion.Id, PromotionState.Dispatched, actor, Details(dispatch, run, null), p =>
        {
            p.RunId = run.RunId;
            p.RunUrl = run.HtmlUrl;
            p.RecordDecision(decision);
        }, CancellationToken.None);

        if (!moved.Moved)
        {
            // Cancelled while GitHub was starting it: the run must not deploy what the requester called off.
            var state = moved.Promotion?.State ?? PromotionState.Cancelled;
            PromotionsLog.CancellingRunOfStoppedPromotion(logger, promotion.Id, state, run.RunId);
            var cancelled = await runs.CancelRunAsync(run.RunId, CancellationToken.None);
            return new StoppedWhileDispatching(moved.Promotion ?? promotion, state, run, cancelled.Succeeded ? null : cancelled.Error);
        }

        tracking.TrackSoon(promotion.Id);
        return new Dispatched(moved.Promotion!, run, decision);
    }

    /// <summary>A dispatch GitHub may have accepted: timeouts, outages and a run not found yet.</summary>
    private static bool IsOutcomeUnknown(GitHubError error) =>
        error.Kind is GitHubErrorKind.RunNotFound or GitHubErrorKind.Timeout or GitHubErrorKind.Unavailable or GitHubErrorKind.RateLimited;

    private static string Details(PromotionDispatch dispatch, DispatchedRun? run, GitHubError? error) => JsonSerializer.Serialize(new
    {
        inputs = dispatch.Inputs(),
        @ref = dispatch.Ref,
        runId = run?.RunId,
        runUrl = run?.HtmlUrl,
        runIdSource = run?.Source.ToString(),
        error = error is null ? null : new { kind = error.Kind.ToString(), message = error.Message, status = error.StatusCode },
    });
}
