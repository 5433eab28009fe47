using JobSheetQA.Bot.GitHub;
using JobSheetQA.Bot.Policy;
using JobSheetQA.Rules.Facts;
using JobSheetQA.Rules.Parity.Pairing;
using JobSheetQA.Rules.Policy;

namespace JobSheetQA.Bot.Evidence.Parity;

/// <summary>
/// Reads a run's parity results the way runbook §5.2 asks a person to: the <c>promotion-parity-report</c> artifact's
/// <c>latest.json</c> against <c>parity/config/thresholds.json</c> at the built commit, paired by policy.yaml's
/// <c>parity:</c> mapping or the default rules (<see cref="ParityPairer"/>). When nothing can be compared, it reads the
/// Parity Gate job's check-run annotations, then (if they hold no failure) the end of the job's log.
/// </summary>
public sealed class ParityEvidenceReader(IWorkflowRunTracker runs, IRepositoryFacts repository, PromotionPolicy policy)
{
    public async Task<ParityEvidenceRead> ReadAsync(ParityRun run, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(run);
        var problems = new List<string>();
        var retry = false;

        var report = await runs.DownloadParityReportAsync(run.RunId, ParityArtifact.DefaultName, cancellationToken);
        string? reportText = null, entry = null, artifactUrl = null;
        if (report.Succeeded)
        {
            (reportText, entry) = (report.Value.Text, report.Value.EntryPath);
            artifactUrl = run.RunUrl is { } url ? $"{url.TrimEnd('/')}/artifacts/{report.Value.ArtifactId}" : null;
        }
        else
        {
            problems.Add(report.Error.Message);
            retry |= WorthRetrying(report.Error.Kind);
        }

        // The gate judged the built commit with that commit's thresholds; the branch may have moved on since.
        var thresholds = await repository.GetFileAsync(PromotionFactsGatherer.ThresholdsPath, run.CommitSha, cancellationToken);
        string? thresholdsText = null;
        if (!thresholds.Succeeded)
        {
            problems.Add(thresholds.Error.Message);
            retry |= WorthRetrying(thresholds.Error.Kind);
        }
        else if (!thresholds.Value.Found)
        {
            problems.Add($"{PromotionFactsGatherer.ThresholdsPath} not found at {run.CommitSha}");
        }
        else
        {
            thresholdsText = thresholds.Value.Text;
        }

        ParityComparison? comparison = reportText is null
            ? null
            : ParityPairer.Compare(reportText, thresholdsText, policy.ParityMetrics, entry ?? ParityArtifact.ReportFileName, PromotionFactsGatherer.ThresholdsPath);

        var evidence = new ParityEvidence(run, artifactUrl, entry, comparison, problems, [], null, []);
        if (evidence.Compared)
            return new ParityEvidenceRead(evidence, false);
        return new ParityEvidenceRead(await WithJobEvidenceAsync(evidence, cancellationToken), retry);
    }

    /// <summary>Nothing compared: what the Parity Gate job printed, its annotations first, else the end of its log.</summary>
    private async Task<ParityEvidence> WithJobEvidenceAsync(ParityEvidence evidence, CancellationToken cancellationToken)
    {
        var jobs = await runs.ListJobsAsync(evidence.Run.RunId, cancellationToken);
        if (!jobs.Succeeded)
            return evidence with { FallbackProblems = [jobs.Error.Message] };
        var gateJob = policy.Gates.JobNameOf(PromotionStep.ParityGate);
        var job = jobs.Value.LastOrDefault(j => string.Equals(j.Name, gateJob, StringComparison.Ordinal));
        if (job is null)
            return evidence with { FallbackProblems = [$"the run has no {gateJob} job"] };

        var problems = new List<string>();
        IReadOnlyList<JobAnnotation> annotations = [];
        var read = await runs.GetJobAnnotationsAsync(job.Id, cancellationToken);
        if (read.Succeeded)
            annotations = read.Value.Where(a => a.Level is "failure" or "warning").ToList();
        else
            problems.Add(read.Error.Message);

        JobLogTail? tail = null;
        if (!annotations.Any(a => a.Level == "failure"))
        {
            var log = await runs.GetJobLogTailAsync(job.Id, JobLogTail.DefaultLines, cancellationToken);
            if (log.Succeeded)
                tail = log.Value;
            else
                problems.Add(log.Error.Message);
        }

        return evidence with { Annotations = annotations, LogTail = tail, FallbackProblems = problems };
    }

    // The artifact is uploaded as the gate finishes; a moment later it may be listed. Outages pass too.
    private static bool WorthRetrying(GitHubErrorKind kind) =>
        kind is GitHubErrorKind.NotFound or GitHubErrorKind.Unavailable or GitHubErrorKind.Timeout or GitHubErrorKind.RateLimited;
}
