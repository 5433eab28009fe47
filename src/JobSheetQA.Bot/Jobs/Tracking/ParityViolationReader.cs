using JobSheetQA.Bot.GitHub;
using JobSheetQA.Bot.Policy;
using JobSheetQA.Bot.Promotions.Reports;
using JobSheetQA.Bot.Storage.Entities;
using JobSheetQA.Rules.Parity;

namespace JobSheetQA.Bot.Jobs.Tracking;

/// <summary>
/// Reads a run's <c>promotion-parity-report</c> artifact and judges it against <c>parity/config/thresholds.json</c> at
/// the promoted commit, as the Parity Gate did (runbook §5.2), so a failure notice can name each violation.
/// </summary>
public sealed class ParityViolationReader(IWorkflowRunTracker runs, IRepositoryFacts repository)
{
    public async Task<ParityFindings> ReadAsync(PromotionEntity promotion, CancellationToken cancellationToken)
    {
        if (promotion.RunId is not { } runId)
            return ParityFindings.Unreadable("the promotion has no workflow run", worthRetrying: false);

        var report = await runs.DownloadParityReportAsync(runId, ParityArtifact.DefaultName, cancellationToken);
        if (!report.Succeeded)
            return ParityFindings.Unreadable(report.Error.Message, WorthRetrying(report.Error.Kind));

        // The gate judged the promoted commit with that commit's thresholds; the branch may have moved on since.
        var thresholds = await repository.GetFileAsync(PromotionFactsGatherer.ThresholdsPath, promotion.CommitSha, cancellationToken);
        if (!thresholds.Succeeded)
            return ParityFindings.Unreadable(thresholds.Error.Message, WorthRetrying(thresholds.Error.Kind));
        if (!thresholds.Value.Found)
            return ParityFindings.Unreadable($"{PromotionFactsGatherer.ThresholdsPath} not found at {promotion.CommitSha}", worthRetrying: false);

        var evaluation = ParityEvaluator.Evaluate(
            report.Value.Text, thresholds.Value.Text, $"run {runId} {report.Value.EntryPath}", PromotionFactsGatherer.ThresholdsPath);
        return evaluation.Succeeded
            ? ParityFindings.Read(evaluation.Value.Messages)
            : ParityFindings.Unreadable(evaluation.Describe(), worthRetrying: false);
    }

    // The artifact is uploaded as the gate finishes; a moment later it may be listed. Outages pass too.
    private static bool WorthRetrying(GitHubErrorKind kind) =>
        kind is GitHubErrorKind.NotFound or GitHubErrorKind.Unavailable or GitHubErrorKind.Timeout or GitHubErrorKind.RateLimited;
}
