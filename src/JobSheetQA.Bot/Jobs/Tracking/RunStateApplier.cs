using System.Text.Json;
using JobSheetQA.Bot.GitHub;
using JobSheetQA.Bot.Hosting.Telemetry;
using JobSheetQA.Bot.Promotions;
using JobSheetQA.Bot.Storage;
using JobSheetQA.Bot.Storage.Entities;
using JobSheetQA.Rules.Facts;
using JobSheetQA.Rules.Policy;
using Microsoft.Extensions.Options;

namespace JobSheetQA.Bot.Jobs.Tracking;

/// <summary>
/// Applies what <see cref="RunReader"/> saw to the promotion: the run id found by correlation, each gate's outcome, the
/// run's link, and the state move (Dispatched → Running → Succeeded / Failed / Cancelled) through
/// <see cref="PromotionTransitions"/>; a run that never appears fails the promotion <c>Tracking:RunNotFoundAfter</c>
/// after its dispatch (<see cref="PromotionEntity.DispatchedAt"/>). Fail closed (issue #13): a run that built another
/// commit than the judged one is cancelled and the promotion failed; a run GitHub calls successful fails the promotion
/// unless every gate and Deploy really ran and passed (<see cref="RunProof"/>). Every step is safe to repeat.
/// </summary>
public sealed class RunStateApplier(
    PromotionStore promotions,
    PromotionTransitions transitions,
    IWorkflowRunTracker runs,
    PromotionPolicy policy,
    TrackingChains chains,
    IOptions<TrackingOptions> options,
    TimeProvider time,
    BotMetrics metrics,
    ILogger<RunStateApplier> logger)
{
    /// <returns>The promotion as stored afterwards; null when it changed under this poll (or went), to be looked at again.</returns>
    public async Task<PromotionEntity?> ApplyAsync(PromotionEntity promotion, RunObservation observation, CancellationToken cancellationToken)
    {
        // A run found by correlation id is kept even when reading it further failed: the next poll (and `cancel`) use it.
        if (observation.FoundNow is { } found)
        {
            var update = await promotions.UpdateAsync(promotion.Id, promotion.RowVersion, p =>
            {
                p.RunId ??= found.RunId;
                p.RunUrl ??= found.HtmlUrl;
            }, time.GetUtcNow(), cancellationToken);
            // Another worker saved the row meanwhile (perhaps with this very run id): look again on the next poll.
            if (update.Status != PromotionUpdateStatus.Updated || update.Promotion!.RunId != found.RunId)
                return null;
            promotion = update.Promotion;
        }

        return observation switch
        {
            RunSeen seen => await ApplySeenAsync(promotion, seen, cancellationToken),
            RunNotFoundYet => await FailIfLostAsync(promotion, cancellationToken),
            RunMissing missing => await FailIfGoneAsync(promotion, missing, cancellationToken),
            _ => promotion,
        };
    }

    private async Task<PromotionEntity?> ApplySeenAsync(PromotionEntity promotion, RunSeen seen, CancellationToken cancellationToken)
    {
        // Checked first, before any gate is recorded: the gates of another commit say nothing about the judged one.
        if (!RunProof.BuiltJudgedCommit(promotion.CommitSha, seen.Run.HeadSha))
            return await RejectOtherCommitAsync(promotion, seen.Run, cancellationToken);

        chains.RunSeen(promotion.Id);
        await RecordGatesAsync(promotion, seen.Gates, cancellationToken);
        if (promotion.RunUrl != seen.Run.HtmlUrl || promotion.RunHeadSha != seen.Run.HeadSha)
        {
            await promotions.UpdateAsync(promotion.Id, promotion.RowVersion, p =>
            {
                p.RunUrl = seen.Run.HtmlUrl;
                p.RunHeadSha = seen.Run.HeadSha;
            }, time.GetUtcNow(), cancellationToken);
        }

        if (StateFor(seen.Run, seen.Gates, promotion.State) is { } next && next != promotion.State)
        {
            // GitHub's "success" is not enough: every gate must have run (a skipped or missing one proves nothing).
            if (next == PromotionState.Succeeded
                && RunProof.FirstShortfall(seen.Gates, policy.Gates, promotion.SkipParity) is { } shortfall)
            {
                JobsLog.RunGateShortfall(logger, promotion.Id, seen.Run.Id, seen.Run.Conclusion, shortfall.Gate, shortfall.Failure);
                await transitions.MoveAsync(promotion.Id, PromotionState.Failed, Actor.Tracker, ShortfallDetails(seen.Run, shortfall), p =>
                {
                    p.RunHeadSha = seen.Run.HeadSha;
                    p.Failure = shortfall.Failure;
                    p.FailureGate = shortfall.Gate;
                }, cancellationToken);
            }
            else
            {
                await transitions.MoveAsync(promotion.Id, next, Actor.Tracker, Details(seen.Run), p => p.RunHeadSha = seen.Run.HeadSha, cancellationToken);
            }
        }

        return await promotions.FindAsync(promotion.Id, cancellationToken);
    }

    /// <summary>
    /// The run builds another commit than the one judged (the branch moved between the decision and the dispatch): it
    /// is cancelled and the promotion failed, also when the cancellation fails, so it never counts as a deployment.
    /// </summary>
    private async Task<PromotionEntity?> RejectOtherCommitAsync(PromotionEntity promotion, WorkflowRunSnapshot run, CancellationToken cancellationToken)
    {
        var (failure, cancelSaid, cancelError) = run.IsCompleted
            ? (PromotionFailure.BuiltOtherCommitRunFinished, "run-already-completed", null)
            : await CancelAsync(run.Id, cancellationToken);
        JobsLog.RunBuiltOtherCommit(logger, promotion.Id, promotion.CommitSha, run.Id, run.HeadSha, cancelSaid);

        var details = JsonSerializer.Serialize(new
        {
            reason = "built-other-commit",
            judgedCommit = promotion.CommitSha,
            builtCommit = run.HeadSha,
            runId = run.Id,
            url = run.HtmlUrl,
            cancel = cancelSaid,
            cancelError,
        });
        var moved = await transitions.MoveAsync(promotion.Id, PromotionState.Failed, Actor.Tracker, details, p =>
        {
            p.RunUrl = run.HtmlUrl;
            p.RunHeadSha = run.HeadSha;
            p.Failure = failure;
            p.FailureGate = null;
        }, cancellationToken);
        return moved.Promotion ?? await promotions.FindAsync(promotion.Id, cancellationToken);
    }

    /// <summary>No run yet: fine for a while after the dispatch, then the promotion fails rather than hold the environment.</summary>
    private async Task<PromotionEntity?> FailIfLostAsync(PromotionEntity promotion, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (promotion.DispatchedAt is not { } dispatchedAt)
        {
            // Dispatched by a version that did not record the time (an instance not yet upgraded): count from now, so
            // the run gets its whole window rather than being failed early.
            var update = await promotions.UpdateAsync(promotion.Id, promotion.RowVersion, p => p.DispatchedAt ??= now, now, cancellationToken);
            return update.Status == PromotionUpdateStatus.Updated ? update.Promotion : null;
        }

        if (now - dispatchedAt < options.Value.RunNotFoundAfter)
            return promotion;

        JobsLog.RunNotFound(logger, promotion.Id, promotion.CorrelationId);
        var details = JsonSerializer.Serialize(new { reason = "run-not-found", correlationId = promotion.CorrelationId });
        var moved = await transitions.MoveAsync(promotion.Id, PromotionState.Failed, Actor.Tracker, details, cancellationToken: cancellationToken);
        return moved.Promotion;
    }

    /// <summary>
    /// GitHub answers 404 for the run: fine for a while (a run may be briefly invisible), then the promotion fails with
    /// the reason, <c>Tracking:RunGoneAfter</c> after the first 404 in a row, rather than be polled for ever.
    /// </summary>
    private async Task<PromotionEntity?> FailIfGoneAsync(PromotionEntity promotion, RunMissing missing, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var since = chains.RunMissing(promotion.Id, now);
        if (now - since < options.Value.RunGoneAfter)
            return promotion;

        JobsLog.RunGone(logger, promotion.Id, missing.RunId, since);
        var details = JsonSerializer.Serialize(new { reason = "run-gone", runId = missing.RunId, notFoundSince = since, error = missing.Error.Message });
        var moved = await transitions.MoveAsync(promotion.Id, PromotionState.Failed, Actor.Tracker, details, p =>
        {
            p.Failure = PromotionFailure.RunGone;
            p.FailureGate = null;
        }, cancellationToken);
        return moved.Promotion ?? await promotions.FindAsync(promotion.Id, cancellationToken);
    }

    private async Task RecordGatesAsync(PromotionEntity promotion, RunGates gates, CancellationToken cancellationToken)
    {
        foreach (var (step, outcome) in gates.Steps)
        {
            var jobs = policy.Gates.JobNames.TryGetValue(step, out var jobName)
                ? gates.Jobs.Where(j => GateJobMapper.Matches(j.Name, jobName)).ToList()
                : [];
            var jobUrl = jobs.Select(j => j.HtmlUrl).FirstOrDefault(u => u is not null);
            var startedAt = jobs.Min(j => j.StartedAt);
            var completedAt = outcome is StepOutcome.Pending or StepOutcome.Running ? null : jobs.Max(j => j.CompletedAt);

            var stored = promotion.GateResults.FirstOrDefault(g => g.Step == step);
            if (stored is not null && stored.Outcome == outcome && stored.JobUrl == jobUrl && stored.StartedAt == startedAt && stored.CompletedAt == completedAt)
                continue;
            await promotions.RecordGateResultAsync(promotion.Id, step, outcome, jobUrl, startedAt, completedAt, cancellationToken);
            // Counted when this poll first sees the gate finished (a repeat poll finds it stored and skips it above).
            if (stored?.CompletedAt is null && startedAt is { } began && completedAt is { } ended)
                metrics.Gate(step.ToString(), outcome.ToString(), ended - began);
        }
    }

    /// <summary>Where the run says the promotion is; null to leave it where it is (never back from Running to Dispatched).</summary>
    internal static PromotionState? StateFor(WorkflowRunSnapshot run, RunGates gates, PromotionState current)
    {
        if (run.IsCompleted)
        {
            return run.Conclusion switch
            {
                "success" => PromotionState.Succeeded,
                "cancelled" => PromotionState.Cancelled,
                _ => PromotionState.Failed,
            };
        }

        var started = run.Status is "in_progress" or "waiting" || gates.Steps.Values.Any(o => o != StepOutcome.Pending);
        return started && current == PromotionState.Dispatched ? PromotionState.Running : null;
    }

    /// <summary>Asks GitHub to cancel the run; whatever happens, the caller fails the promotion, so nothing here throws but a shutdown.</summary>
    private async Task<(PromotionFailure Failure, string Said, string? Error)> CancelAsync(long runId, CancellationToken cancellationToken)
    {
        GitHubResult<CancelOutcome> cancel;
        try
        {
            cancel = await runs.CancelRunAsync(runId, cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            return (PromotionFailure.BuiltOtherCommitNotCancelled, "failed", exception.Message);
        }

        if (!cancel.Succeeded)
            return (PromotionFailure.BuiltOtherCommitNotCancelled, $"failed ({cancel.Error.Kind})", cancel.Error.Message);
        return cancel.Value == CancelOutcome.AlreadyCompleted
            ? (PromotionFailure.BuiltOtherCommitRunFinished, "run-already-completed", null)
            : (PromotionFailure.BuiltOtherCommit, "requested", null);
    }

    private static string ShortfallDetails(WorkflowRunSnapshot run, GateShortfall shortfall) =>
        JsonSerializer.Serialize(new
        {
            reason = shortfall.Failure switch
            {
                PromotionFailure.GateMissing => "gate-missing",
                PromotionFailure.GateSkipped => "gate-skipped",
                _ => "gate-not-passed",
            },
            gate = shortfall.Gate.ToString(),
            runId = run.Id,
            status = run.Status,
            conclusion = run.Conclusion,
            url = run.HtmlUrl,
        });

    private static string Details(WorkflowRunSnapshot run) =>
        JsonSerializer.Serialize(new { runId = run.Id, status = run.Status, conclusion = run.Conclusion, url = run.HtmlUrl });
}
