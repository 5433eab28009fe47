using JobSheetQA.Bot.GitHub;
using JobSheetQA.Bot.Promotions;
using JobSheetQA.Bot.Storage.Entities;
using JobSheetQA.Rules.Policy;

namespace JobSheetQA.Bot.Jobs.Tracking;

/// <summary>
/// Reads a promotion's workflow run from GitHub, REST being the source of truth: finds the run by correlation id when
/// the dispatch gave no id, then its state, its jobs mapped to the gates, and the pending reviews of a waiting run.
/// Changes nothing; <see cref="RunStateApplier"/> applies what it saw.
/// </summary>
public sealed class RunReader(IPromotionDispatcher dispatcher, IWorkflowRunTracker runs, PromotionPolicy policy)
{
    public async Task<RunObservation> ReadAsync(PromotionEntity promotion, CancellationToken cancellationToken)
    {
        var runId = promotion.RunId;
        DispatchedRun? found = null;
        if (runId is null)
        {
            var search = await dispatcher.FindRunAsync(promotion, cancellationToken);
            if (!search.Succeeded)
                return new RunUnreadable(search.Error);
            if (search.Value is null)
                return new RunNotFoundYet();
            found = search.Value;
            runId = found.RunId;
        }

        var run = await runs.GetRunAsync(runId.Value, cancellationToken);
        if (!run.Succeeded)
        {
            // Only GitHub's own 404 says the run is not there; an outage, timeout or rate limit says nothing about it.
            return run.Error.Kind == GitHubErrorKind.NotFound
                ? new RunMissing(runId.Value, run.Error, found)
                : new RunUnreadable(run.Error, found);
        }

        var gates = await runs.GetGatesAsync(run.Value.Id, policy.Gates, run.Value.IsCompleted, cancellationToken);
        if (!gates.Succeeded)
            return new RunUnreadable(gates.Error, found);

        var reviews = !run.Value.IsCompleted && run.Value.IsWaiting
            ? await runs.GetPendingDeploymentsAsync(run.Value.Id, cancellationToken)
            : null;
        return new RunSeen(found, run.Value, gates.Value, reviews);
    }
}
