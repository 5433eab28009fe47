using JobSheetQA.Bot.Evidence.Parity;
using JobSheetQA.Bot.Promotions.Reports;
using JobSheetQA.Bot.Storage.Entities;

namespace JobSheetQA.Bot.Jobs.Tracking;

/// <summary>
/// Reads a promotion's parity results for a failure notice (runbook §5.2) through the evidence module: its run's
/// <c>promotion-parity-report</c> against <c>parity/config/thresholds.json</c> at the promoted commit, as the Parity Gate
/// judged it, or, when nothing can be compared, what the gate's job printed.
/// </summary>
public sealed class ParityViolationReader(ParityEvidenceReader evidence)
{
    public async Task<ParityFindings> ReadAsync(PromotionEntity promotion, CancellationToken cancellationToken)
    {
        if (promotion.RunId is not { } runId)
            return ParityFindings.Unreadable("the promotion has no workflow run", worthRetrying: false);

        return ParityFindings.Read(await evidence.ReadAsync(new ParityRun(runId, promotion.RunUrl, promotion.CommitSha), cancellationToken));
    }
}
