using System.Text.Json;
using JobSheetQA.Bot.GitHub;
using JobSheetQA.Bot.Promotions;
using JobSheetQA.Bot.Storage;
using JobSheetQA.Bot.Storage.Entities;
using JobSheetQA.Rules.Facts;
using JobSheetQA.Rules.Policy;
using Microsoft.Extensions.Options;

namespace JobSheetQA.Bot.Jobs;

/// <summary>
/// One look at a promotion's workflow run (design.md §6): find the run (by correlation id when dispatch gave no id),
/// read its state and jobs, record each gate, move the promotion (Dispatched → Running → Succeeded / Failed /
/// Cancelled) and report. REST is the source of truth; every step is safe to repeat.
/// </summary>
public sealed class RunPoller(
    PromotionStore promotions,
    PromotionTransitions transitions,
    IPromotionDispatcher dispatcher,
    IWorkflowRunTracker runs,
    PromotionPolicy policy,
    TrackingReporter reporter,
    AuditLog audit,
    IOptions<TrackingOptions> options,
    TimeProvider time,
    ILogger<RunPoller> logger)
{
    public const string Actor = "tracker";

    public async Task<PollOutcome> PollOnceAsync(string promotionId, CancellationToken cancellationToken)
    {
        var promotion = await promotions.FindAsync(promotionId, cancellationToken);
        if (promotion is null || !PromotionStore.DispatchedStates.Contains(promotion.State))
            return PollOutcome.Done;
        if (PromotionLifecycle.IsFinal(promotion.State))
            return await FinishAsync(promotion, cancellationToken);

        if (promotion.RunId is null)
        {
            var found = await FindRunAsync(promotion, cancellationToken);
            if (found.Outcome is { } outcome)
                return outcome;
            promotion = found.Promotion!;
        }

        var run = await runs.GetRunAsync(promotion.RunId!.Value, cancellationToken);
        if (!run.Succeeded)
            return PollOutcome.Failed(run.Error);
        var gates = await runs.GetGatesAsync(run.Value.Id, policy.Gates, run.Value.IsCompleted, cancellationToken);
        if (!gates.Succeeded)
            return PollOutcome.Failed(gates.Error);

        await RecordGatesAsync(promotion, gates.Value, cancellationToken);
        if (promotion.RunUrl != run.Value.HtmlUrl)
            await promotions.UpdateAsync(promotion.Id, promotion.RowVersion, p => p.RunUrl = run.Value.HtmlUrl, time.GetUtcNow(), cancellationToken);
        if (StateFor(run.Value, gates.Value, promotion.State) is { } next && next != promotion.State)
            await transitions.MoveAsync(promotion.Id, next, Actor, Details(run.Value), cancellationToken: cancellationToken);

        promotion = await promotions.FindAsync(promotionId, cancellationToken);
        if (promotion is null)
            return PollOutcome.Done;
        if (PromotionLifecycle.IsFinal(promotion.State))
            return await FinishAsync(promotion, cancellationToken);

        await reporter.ReportProgressAsync(promotion, cancellationToken);
        return await ReportWaitsAsync(promotion, run.Value, cancellationToken);
    }

    private async Task<PollOutcome> FinishAsync(PromotionEntity promotion, CancellationToken cancellationToken) =>
        await reporter.ReportFinishedAsync(promotion, cancellationToken) ? PollOutcome.Done : PollOutcome.Again;

    private async Task<(PollOutcome? Outcome, PromotionEntity? Promotion)> FindRunAsync(PromotionEntity promotion, CancellationToken cancellationToken)
    {
        var found = await dispatcher.FindRunAsync(promotion, cancellationToken);
        if (!found.Succeeded)
            return (PollOutcome.Failed(found.Error), null);

        var now = time.GetUtcNow();
        if (found.Value is not { } run)
        {
            if (now - await DispatchedAtAsync(promotion, cancellationToken) < options.Value.RunNotFoundAfter)
                return (PollOutcome.Again, null);

            logger.LogWarning("No workflow run found for promotion {PromotionId} (correlation id {CorrelationId}); failing it", promotion.Id, promotion.CorrelationId);
            var details = JsonSerializer.Serialize(new { reason = "run-not-found", correlationId = promotion.CorrelationId });
            var moved = await transitions.MoveAsync(promotion.Id, PromotionState.Failed, Actor, details, cancellationToken: cancellationToken);
            return moved.Promotion is { } failed && PromotionLifecycle.IsFinal(failed.State)
                ? (await FinishAsync(failed, cancellationToken), null)
                : (PollOutcome.Again, null);
        }

        var update = await promotions.UpdateAsync(promotion.Id, promotion.RowVersion, p =>
        {
            p.RunId ??= run.RunId;
            p.RunUrl ??= run.HtmlUrl;
        }, now, cancellationToken);
        // Another worker saved the row meanwhile (perhaps with this very run id): look again on the next poll.
        return update.Status == PromotionUpdateStatus.Updated && update.Promotion!.RunId is not null
            ? (null, update.Promotion)
            : (PollOutcome.Again, null);
    }

    /// <summary>
    /// When the promotion was dispatched (its audited move), which for an acknowledged promotion can be minutes after it
    /// was requested; read only while its run is not found yet.
    /// </summary>
    private async Task<DateTimeOffset> DispatchedAtAsync(PromotionEntity promotion, CancellationToken cancellationToken)
    {
        var dispatched = $"promotion.{PromotionTransitions.Name(PromotionState.Dispatched)}";
        var entries = await audit.ReadAsync(promotionId: promotion.Id, cancellationToken: cancellationToken);
        return entries.LastOrDefault(e => e.Action == dispatched)?.At ?? promotion.CreatedAt;
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

    private async Task<PollOutcome> ReportWaitsAsync(PromotionEntity promotion, WorkflowRunSnapshot run, CancellationToken cancellationToken)
    {
        if (run.Status is "queued" or "requested" or "pending")
        {
            var queuedFor = time.GetUtcNow() - run.CreatedAt;
            if (queuedFor >= options.Value.QueuedNoticeAfter)
                await reporter.ReportQueuedAsync(promotion, queuedFor, cancellationToken);
            return PollOutcome.Again;
        }

        if (!run.IsWaiting)
            return PollOutcome.Again;

        var pending = await runs.GetPendingDeploymentsAsync(run.Id, cancellationToken);
        if (!pending.Succeeded)
            return PollOutcome.Failed(pending.Error);
        foreach (var review in pending.Value)
            await reporter.ReportReviewAsync(promotion, review, cancellationToken);
        return PollOutcome.Again;
    }

    private static string Details(WorkflowRunSnapshot run) =>
        JsonSerializer.Serialize(new { runId = run.Id, status = run.Status, conclusion = run.Conclusion, url = run.HtmlUrl });
}
