using JobSheetQA.Bot.GitHub;

namespace JobSheetQA.Bot.Jobs.Tracking;

/// <summary>What one look at GitHub found about a promotion's workflow run (<see cref="RunReader"/>): a snapshot, nothing applied yet.</summary>
/// <param name="FoundNow">The run the correlation search found this time; null when the promotion already knew its run id.</param>
public abstract record RunObservation(DispatchedRun? FoundNow);

/// <summary>GitHub could not be read (all of it); the next poll backs off. A run found before the failure is still kept.</summary>
public sealed record RunUnreadable(GitHubError Error, DispatchedRun? FoundNow = null) : RunObservation(FoundNow);

/// <summary>GitHub answered 404 for the promotion's run: deleted, or no longer visible to the bot's credentials.</summary>
/// <param name="RunId">The run asked for.</param>
/// <param name="Error">GitHub's answer.</param>
/// <param name="FoundNow">The run the correlation search found this time; null when the promotion already knew its run id.</param>
public sealed record RunMissing(long RunId, GitHubError Error, DispatchedRun? FoundNow = null) : RunObservation(FoundNow);

/// <summary>No run carries the promotion's correlation id yet (it was dispatched without a run id).</summary>
public sealed record RunNotFoundYet() : RunObservation(FoundNow: null);

/// <summary>The run as GitHub has it now, with its gates.</summary>
/// <param name="FoundNow">The run the correlation search found this time; null when the promotion already knew its run id.</param>
/// <param name="Run">The run's state.</param>
/// <param name="Gates">The five gates and the deploy step, mapped from the run's jobs.</param>
/// <param name="Reviews">For a run waiting on an environment review, the reviews (or why they could not be read); null otherwise.</param>
public sealed record RunSeen(DispatchedRun? FoundNow, WorkflowRunSnapshot Run, RunGates Gates, GitHubResult<IReadOnlyList<PendingDeployment>>? Reviews)
    : RunObservation(FoundNow);
