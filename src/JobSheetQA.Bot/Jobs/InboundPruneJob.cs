using JobSheetQA.Bot.Storage;

namespace JobSheetQA.Bot.Jobs;

/// <summary>
/// Forgets inbound ids (chat events, GitHub webhook deliveries) and finished inbound turns older than <see cref="Retention"/>, daily, so the
/// <c>processed_inbound</c> table does not grow for ever; a repeat can only come within the platforms' retry windows.
/// </summary>
public sealed class InboundPruneJob(InboundDeduplicator inbound, InboundTurnStore turns, TimeProvider time, ILogger<InboundPruneJob> logger)
{
    public const string RecurringJobId = "processed-inbound-prune";

    // Slack and Bot Framework retry for minutes and GitHub redelivers for 3 days; a week covers all with room to spare.
    public static readonly TimeSpan Retention = TimeSpan.FromDays(7);

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var cutoff = time.GetUtcNow() - Retention;
        var pruned = await inbound.PruneAsync(cutoff, cancellationToken);
        // Finished turns (and their payloads) go with their ids; an unfinished one stays until a worker finishes it.
        pruned += await turns.PruneAsync(cutoff, cancellationToken);
        JobsLog.InboundPruned(logger, pruned, cutoff);
    }
}
