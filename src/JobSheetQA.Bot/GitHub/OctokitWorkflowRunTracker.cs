using JobSheetQA.Bot.GitHub.Client;
using JobSheetQA.Rules.Policy;
using Octokit;

namespace JobSheetQA.Bot.GitHub;

/// <summary><see cref="IWorkflowRunTracker"/> on Octokit. Run, job and artifact GETs are conditional (ETags), so polling
/// an unchanged run costs no rate limit.</summary>
internal sealed class OctokitWorkflowRunTracker(GitHubApiExecutor api) : IWorkflowRunTracker
{
    private const string ActionsRead = "Actions: read";

    public async Task<GitHubResult<WorkflowRunSnapshot>> GetRunAsync(long runId, CancellationToken cancellationToken = default)
    {
        var t = api.Target;
        var result = await api.RunAsync(
            new GitHubOperation("runs.get", $"read workflow run {runId}", ActionsRead),
            (c, _) => c.Actions.Workflows.Runs.Get(t.Owner, t.Repository, runId),
            cancellationToken);
        return NotFoundAs(result, $"Workflow run {runId} not found on {t.FullName}").Map(ToSnapshot);
    }

    public async Task<GitHubResult<IReadOnlyList<WorkflowJobSnapshot>>> ListJobsAsync(long runId, CancellationToken cancellationToken = default)
    {
        var t = api.Target;
        var result = await api.RunAsync(
            new GitHubOperation("jobs.list", $"list the jobs of workflow run {runId}", ActionsRead),
            // No PageCount: Octokit follows the Link header through every page; filter=latest is the newest attempt.
            (c, _) => c.Actions.Workflows.Jobs.List(t.Owner, t.Repository, runId,
                new WorkflowRunJobsRequest { Filter = WorkflowRunJobsFilter.Latest }, new ApiOptions { PageSize = api.Options.PageSize }),
            cancellationToken);
        return NotFoundAs(result, $"Workflow run {runId} not found on {t.FullName}")
            .Map(r => (IReadOnlyList<WorkflowJobSnapshot>)r.Jobs.Select(ToSnapshot).ToList());
    }

    public async Task<GitHubResult<RunGates>> GetGatesAsync(long runId, GateMap gates, bool runCompleted, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(gates);
        var jobs = await ListJobsAsync(runId, cancellationToken);
        return jobs.Map(j => GateJobMapper.Map(gates, j, runCompleted));
    }

    public async Task<GitHubResult<IReadOnlyList<ArtifactSnapshot>>> ListArtifactsAsync(long runId, string? name = null, CancellationToken cancellationToken = default)
    {
        var t = api.Target;
        var result = await api.RunAsync(
            new GitHubOperation("artifacts.list", $"list the artifacts of workflow run {runId}", ActionsRead),
            (c, _) => c.Actions.Artifacts.ListWorkflowArtifacts(t.Owner, t.Repository, runId,
                new ListArtifactsRequest { Name = name, PerPage = 100, Page = 1 }),
            cancellationToken);
        return NotFoundAs(result, $"Workflow run {runId} not found on {t.FullName}")
            .Map(r => (IReadOnlyList<ArtifactSnapshot>)r.Artifacts
                .Where(a => name is null || string.Equals(a.Name, name, StringComparison.Ordinal))
                .Select(a => new ArtifactSnapshot(a.Id, a.Name, a.SizeInBytes, a.Expired, AsUtc(a.ExpiresAt)))
                .ToList());
    }

    public async Task<GitHubResult<ParityReportFile>> DownloadParityReportAsync(long runId, string artifactName = ParityArtifact.DefaultName, CancellationToken cancellationToken = default)
    {
        var t = api.Target;
        var listed = await ListArtifactsAsync(runId, artifactName, cancellationToken);
        if (!listed.Succeeded)
        {
            return listed.Error;
        }

        if (listed.Value.Count == 0)
        {
            return new GitHubError(GitHubErrorKind.NotFound, $"Workflow run {runId} has no {artifactName} artifact.");
        }

        var artifact = listed.Value.Where(a => !a.Expired).OrderByDescending(a => a.Id).FirstOrDefault();
        if (artifact is null)
        {
            return Expired(runId, artifactName);
        }

        var download = await api.RunAsync(
            new GitHubOperation("artifacts.download", $"download the {artifactName} artifact of workflow run {runId}", ActionsRead),
            async (c, ct) =>
            {
                // Buffer inside the retried call: a connection dropped mid-body is then retried like any other fault.
                using var stream = await c.Actions.Artifacts.DownloadArtifact(t.Owner, t.Repository, artifact.Id, "zip");
                var buffer = new MemoryStream();
                if (stream is not null)
                {
                    await stream.CopyToAsync(buffer, ct);
                }

                buffer.Position = 0;
                return buffer;
            },
            cancellationToken);
        if (!download.Succeeded)
        {
            return download.Error.Kind == GitHubErrorKind.Gone ? Expired(runId, artifactName) : download.Error;
        }

        using var zip = download.Value;
        try
        {
            var entry = ParityArtifact.ExtractLatestJson(zip);
            return entry is { } found
                ? GitHubResult<ParityReportFile>.Success(new ParityReportFile(runId, artifact.Id, found.EntryPath, found.Content))
                : new GitHubError(GitHubErrorKind.NotFound, $"The {artifactName} artifact of workflow run {runId} has no {ParityArtifact.ReportFileName}.");
        }
        catch (InvalidDataException ex)
        {
            return new GitHubError(GitHubErrorKind.Unexpected, $"The {artifactName} artifact of workflow run {runId} is not a readable zip: {ex.Message}");
        }
    }

    public async Task<GitHubResult<IReadOnlyList<JobAnnotation>>> GetJobAnnotationsAsync(long jobId, CancellationToken cancellationToken = default)
    {
        var t = api.Target;
        // A GitHub App needs Checks: read; fine-grained tokens cannot be given it, and then the caller falls back to the log.
        var result = await api.RunAsync(
            new GitHubOperation("checks.annotations", $"read the annotations of job {jobId}", "Checks: read"),
            (c, _) => c.Check.Run.GetAllAnnotations(t.Owner, t.Repository, jobId),
            cancellationToken);
        return NotFoundAs(result, $"Job {jobId} not found on {t.FullName}")
            .Map(items => (IReadOnlyList<JobAnnotation>)items.Select(a => new JobAnnotation(
                a.AnnotationLevel?.StringValue ?? "notice",
                SecretRedactor.Redact(a.Title ?? string.Empty),
                SecretRedactor.Redact(a.Message ?? string.Empty),
                string.IsNullOrEmpty(a.Path) ? null : a.Path,
                a.StartLine > 0 ? a.StartLine : null)).ToList());
    }

    public async Task<GitHubResult<JobLogTail>> GetJobLogTailAsync(long jobId, int maxLines = JobLogTail.DefaultLines, CancellationToken cancellationToken = default)
    {
        var t = api.Target;
        var uri = new Uri($"{OctokitRepositoryFacts.RepositoryPath(t)}/actions/jobs/{jobId}/logs", UriKind.Relative);
        var result = await api.RunAsync(
            new GitHubOperation("jobs.logs", $"read the log of job {jobId}", ActionsRead),
            async (c, ct) =>
            {
                // Octokit follows the 302 to the download URL (dropping Authorization on the host change), as for artifacts,
                // and hands a text/plain body over as a string, a binary one as a stream.
                var response = await c.Connection.GetRawStream(uri, null);
                return response.HttpResponse.Body switch
                {
                    Stream stream => await JobLogTail.ReadAsync(stream, maxLines, ct),
                    string text => JobLogTail.FromText(text, maxLines),
                    _ => new JobLogTail([], Truncated: false),
                };
            },
            cancellationToken);
        return NotFoundAs(result, $"The log of job {jobId} is not available on {t.FullName} (expired, or the job never ran)");
    }

    public async Task<GitHubResult<CancelOutcome>> CancelRunAsync(long runId, CancellationToken cancellationToken = default)
    {
        var t = api.Target;
        var result = await api.RunAsync(
            new GitHubOperation("runs.cancel", $"cancel workflow run {runId}", "Actions: write"),
            async (c, _) =>
            {
                await c.Actions.Workflows.Runs.Cancel(t.Owner, t.Repository, runId);
                return CancelOutcome.CancellationRequested;
            },
            cancellationToken);
        if (!result.Succeeded && result.Error.Kind == GitHubErrorKind.Conflict)
        {
            // 409: the run already finished; there is nothing left to cancel, which is what the caller wanted.
            return GitHubResult<CancelOutcome>.Success(CancelOutcome.AlreadyCompleted);
        }

        return NotFoundAs(result, $"Workflow run {runId} not found on {t.FullName}");
    }

    public async Task<GitHubResult<IReadOnlyList<PendingDeployment>>> GetPendingDeploymentsAsync(long runId, CancellationToken cancellationToken = default)
    {
        var t = api.Target;
        var uri = new Uri($"{OctokitRepositoryFacts.RepositoryPath(t)}/actions/runs/{runId}/pending_deployments", UriKind.Relative);
        var result = await api.RunAsync(
            new GitHubOperation("runs.pending_deployments", $"read the pending deployments of workflow run {runId}", ActionsRead),
            async (c, ct) => (await c.Connection.Get<List<PendingDeploymentResponse>>(uri, null, null, ct)).Body,
            cancellationToken);
        return NotFoundAs(result, $"Workflow run {runId} not found on {t.FullName}")
            .Map(items => (IReadOnlyList<PendingDeployment>)(items ?? []).Select(p => new PendingDeployment(
                p.Environment?.Id ?? 0,
                p.Environment?.Name ?? string.Empty,
                p.WaitTimer,
                p.CurrentUserCanApprove,
                p.Reviewers.Select(r => r.Reviewer?.Login ?? r.Reviewer?.Slug ?? r.Reviewer?.Name ?? "?").ToList())).ToList());
    }

    internal static WorkflowRunSnapshot ToSnapshot(WorkflowRun run) => new(
        run.Id,
        run.Status.StringValue,
        run.Conclusion?.StringValue,
        run.HtmlUrl,
        run.HeadSha,
        run.DisplayTitle ?? string.Empty,
        run.RunAttempt,
        run.CreatedAt,
        run.UpdatedAt);

    private static WorkflowJobSnapshot ToSnapshot(WorkflowJob job) => new(
        job.Id,
        job.Name,
        job.Status.StringValue,
        job.Conclusion?.StringValue,
        job.HtmlUrl,
        job.StartedAt == default ? null : job.StartedAt,
        job.CompletedAt);

    private static GitHubError Expired(long runId, string artifactName) =>
        new(GitHubErrorKind.Gone, $"The {artifactName} artifact of workflow run {runId} has expired (GitHub keeps artifacts 90 days by default); re-run the workflow to produce a new report.", 410);

    private static DateTimeOffset? AsUtc(DateTime value) =>
        value == default ? null : new DateTimeOffset(DateTime.SpecifyKind(value, DateTimeKind.Utc));

    private static GitHubResult<T> NotFoundAs<T>(GitHubResult<T> result, string message) =>
        !result.Succeeded && result.Error.Kind == GitHubErrorKind.NotFound ? result.Error with { Message = message } : result;
}
