using System.Globalization;
using JobSheetQA.Bot.GitHub;
using JobSheetQA.Bot.Storage;

namespace JobSheetQA.Bot.Evidence.Parity;

/// <summary>
/// <c>parity [&lt;commit&gt;|&lt;run&gt;]</c>: the newest promotion run whose Parity Gate finished (of that commit, or that
/// run), or any run of the repository given by id, read by <see cref="ParityEvidenceReader"/> as a failure notice reads it.
/// </summary>
public sealed class ParityReportFinder(PromotionStore promotions, IWorkflowRunTracker runs, ParityEvidenceReader reader)
{
    public async Task<ParityLookup> FindAsync(string? target, CancellationToken cancellationToken)
    {
        long? runId = null;
        string? commit = null;
        if (target is not null)
        {
            if (target.All(char.IsAsciiDigit) && long.TryParse(target, NumberStyles.None, CultureInfo.InvariantCulture, out var id))
                runId = id;
            else if (target.Length is >= 4 and <= 64 && target.All(char.IsAsciiHexDigit))
                commit = target.ToLowerInvariant();
            else
                return new ParityTargetUnreadable(target);
        }

        var promotion = await promotions.LatestParityRunAsync(commit, runId, cancellationToken);
        if (promotion is { RunId: { } promotedRun })
        {
            var read = await reader.ReadAsync(new ParityRun(promotedRun, promotion.RunUrl, promotion.CommitSha), cancellationToken);
            return new ParityFound(read.Evidence, promotion);
        }

        if (runId is not { } other)
            return new NoParityRun(commit);

        // A run the bot did not start (the Actions tab, a re-run): GitHub knows which commit it built.
        var run = await runs.GetRunAsync(other, cancellationToken);
        if (!run.Succeeded)
        {
            return run.Error.Kind == GitHubErrorKind.NotFound
                ? new NoSuchRun(other)
                : new ParityLookupFailed(other, run.Error);
        }

        var evidence = await reader.ReadAsync(new ParityRun(other, run.Value.HtmlUrl, run.Value.HeadSha), cancellationToken);
        return new ParityFound(evidence.Evidence, null);
    }
}
