using System.Text.Json;
using JobSheetQA.Bot.Chat.Replies;
using JobSheetQA.Bot.GitHub;
using JobSheetQA.Bot.Storage;
using JobSheetQA.Bot.Storage.Entities;
using JobSheetQA.Rules.Decisions;

namespace JobSheetQA.Bot.Promotions;

/// <summary>
/// Dispatches an allowed promotion (straight after the decision, or after its acknowledgement): sends
/// <c>promotion.yml</c> its runbook inputs (§2.1), records the run, starts tracking and says so. A dispatch GitHub
/// definitely refused fails the promotion (freeing the environment); one whose outcome is unknown is left to the
/// tracker, which finds the run by correlation id, because dispatching again could start two runs.
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
    /// <param name="decision">The decision that allowed it; its warnings are repeated in the reply.</param>
    /// <param name="actor">Who caused the dispatch, for the audit log.</param>
    public async Task<Reply> LaunchAsync(PromotionEntity promotion, string? acknowledgement, Decision decision, string actor, CancellationToken cancellationToken)
    {
        var dispatch = new PromotionDispatch(promotion.CorrelationId, promotion.Environment, promotion.Ref, promotion.UseNightlyParity, promotion.SkipParity, acknowledgement);
        var result = await dispatcher.DispatchAsync(dispatch, cancellationToken);

        // From here on the run may exist: what follows must be recorded even if the chat request is abandoned.
        if (result.Succeeded)
            return await RecordDispatchedAsync(promotion, dispatch, result.Value, decision, actor);

        if (IsOutcomeUnknown(result.Error))
        {
            var moved = await transitions.MoveAsync(promotion.Id, PromotionState.Dispatched, actor, Details(dispatch, null, result.Error), p => p.RecordDecision(decision), CancellationToken.None);
            if (!moved.Moved)
                return await CancelUnconfirmedRunAsync(promotion, moved.Promotion?.State);

            tracking.TrackSoon(promotion.Id);
            logger.LogWarning("Dispatch of promotion {PromotionId} has an unknown outcome ({Kind}); the tracker will look for its run", promotion.Id, result.Error.Kind);
            return Reply.Text(
                $"I asked GitHub to run `promotion.yml` for {PromotionText.What(promotion)} (promotion `{promotion.Id}`), but could not confirm the run: {result.Error.Message}\n"
                + $"I will not dispatch it again. I keep looking for the run by its id `{promotion.CorrelationId}` and post its status here.");
        }

        await transitions.MoveAsync(promotion.Id, PromotionState.Failed, actor, Details(dispatch, null, result.Error), p => p.RecordDecision(decision), CancellationToken.None);
        logger.LogWarning("Dispatch of promotion {PromotionId} failed ({Kind})", promotion.Id, result.Error.Kind);
        return Reply.Text(
            $"**Dispatch failed**: GitHub refused to run `promotion.yml` for {PromotionText.What(promotion)}: {result.Error.Message}\n"
            + $"Nothing is running. Promotion `{promotion.Id}` failed and {promotion.Environment} is free again.");
    }

    /// <summary>
    /// Cancelled (or otherwise finished) while a dispatch of unknown outcome was under way: nothing tracks the promotion
    /// any more, so look for its run once now and cancel it, rather than let it deploy what the requester called off.
    /// </summary>
    private async Task<Reply> CancelUnconfirmedRunAsync(PromotionEntity promotion, PromotionState? state)
    {
        var found = await dispatcher.FindRunAsync(promotion, CancellationToken.None);
        var said = $"Promotion `{promotion.Id}` was {PromotionText.State(state ?? PromotionState.Cancelled)} while GitHub was asked to run `promotion.yml`";
        if (found is { Succeeded: true, Value: { } run })
        {
            logger.LogWarning("Promotion {PromotionId} was {State} when its run {RunId} appeared; cancelling the run", promotion.Id, state, run.RunId);
            var cancelled = await runs.CancelRunAsync(run.RunId, CancellationToken.None);
            return Reply.Text($"{said}; " + (cancelled.Succeeded ? $"I asked GitHub to cancel its run {run.RunId}." : $"cancelling its run {run.RunId} failed: {cancelled.Error.Message}"));
        }

        logger.LogWarning("Promotion {PromotionId} was {State} during a dispatch of unknown outcome and no run was found", promotion.Id, state);
        return Reply.Text(
            $"{said}, and GitHub did not confirm a run. If a run titled with `[{promotion.CorrelationId}]` appears in Actions, cancel it there: "
            + "the bot no longer follows it.");
    }

    private async Task<Reply> RecordDispatchedAsync(PromotionEntity promotion, PromotionDispatch dispatch, DispatchedRun run, Decision decision, string actor)
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
            logger.LogWarning("Promotion {PromotionId} was {State} when its run {RunId} started; cancelling the run", promotion.Id, moved.Promotion?.State, run.RunId);
            var cancelled = await runs.CancelRunAsync(run.RunId, CancellationToken.None);
            return Reply.Text(
                $"Promotion `{promotion.Id}` was {PromotionText.State(moved.Promotion?.State ?? PromotionState.Cancelled)} while GitHub started its run {run.HtmlUrl ?? run.RunId.ToString(System.Globalization.CultureInfo.InvariantCulture)}; "
                + (cancelled.Succeeded ? "I asked GitHub to cancel the run." : $"cancelling the run failed: {cancelled.Error.Message}"));
        }

        tracking.TrackSoon(promotion.Id);
        var text = $"**Dispatched** {PromotionText.What(promotion)} at `{PromotionText.Commit(promotion.CommitSha)}` (promotion `{promotion.Id}`)."
            + (run.HtmlUrl is null ? "" : $"\nRun: [{run.RunId}]({run.HtmlUrl})")
            + "\nI post the gates here as they finish.";
        foreach (var warning in decision.Warnings)
            text += $"\nWARN {warning.RuleId}: {warning.Message}";
        return Reply.Text(text);
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
