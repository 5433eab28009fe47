using JobSheetQA.Rules.Policy;

namespace JobSheetQA.Bot.GitHub;

/// <summary>Follows a workflow run: state, jobs mapped to gates, artifacts, cancellation, environment reviews.</summary>
public interface IWorkflowRunTracker
{
    /// <summary>The run's current state (a conditional GET: unchanged runs cost no rate limit).</summary>
    Task<GitHubResult<WorkflowRunSnapshot>> GetRunAsync(long runId, CancellationToken cancellationToken = default);

    /// <summary>Every job of the run's latest attempt (all pages).</summary>
    Task<GitHubResult<IReadOnlyList<WorkflowJobSnapshot>>> ListJobsAsync(long runId, CancellationToken cancellationToken = default);

    /// <summary>The run's jobs mapped to gates through <paramref name="gates"/> (policy.yaml <c>gates:</c>).
    /// When <paramref name="runCompleted"/> is true, a gate with no job counts as skipped rather than pending.</summary>
    Task<GitHubResult<RunGates>> GetGatesAsync(long runId, GateMap gates, bool runCompleted, CancellationToken cancellationToken = default);

    /// <summary>The run's artifacts, optionally only those called <paramref name="name"/>.</summary>
    Task<GitHubResult<IReadOnlyList<ArtifactSnapshot>>> ListArtifactsAsync(long runId, string? name = null, CancellationToken cancellationToken = default);

    /// <summary>Downloads the run's parity artifact and extracts <c>latest.json</c> from wherever it sits in the zip.
    /// An expired artifact is a <see cref="GitHubErrorKind.Gone"/> result.</summary>
    Task<GitHubResult<ParityReportFile>> DownloadParityReportAsync(long runId, string artifactName = ParityArtifact.DefaultName, CancellationToken cancellationToken = default);

    /// <summary>The check-run annotations of a job (its <c>::error::</c> lines), redacted; a job id is its check run id.</summary>
    Task<GitHubResult<IReadOnlyList<JobAnnotation>>> GetJobAnnotationsAsync(long jobId, CancellationToken cancellationToken = default);

    /// <summary>The last <paramref name="maxLines"/> lines of a job's log up to its last error, bounded and redacted
    /// (GitHub answers the log request with a 302 to a short-lived download URL).</summary>
    Task<GitHubResult<JobLogTail>> GetJobLogTailAsync(long jobId, int maxLines = JobLogTail.DefaultLines, CancellationToken cancellationToken = default);

    /// <summary>Asks GitHub to cancel the run; an already completed run is a result, not an error.</summary>
    Task<GitHubResult<CancelOutcome>> CancelRunAsync(long runId, CancellationToken cancellationToken = default);

    /// <summary>Environment reviews holding the run (empty when none).</summary>
    Task<GitHubResult<IReadOnlyList<PendingDeployment>>> GetPendingDeploymentsAsync(long runId, CancellationToken cancellationToken = default);
}
