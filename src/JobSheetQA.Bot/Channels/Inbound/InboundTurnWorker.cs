using JobSheetQA.Bot.Storage;
using JobSheetQA.Bot.Storage.Entities;
using Microsoft.Extensions.Options;

namespace JobSheetQA.Bot.Channels.Inbound;

/// <summary>
/// Handles the stored inbound turns with <c>Inbound:Workers</c> loops: each claims the oldest due turn that is first in
/// its conversation, renews its claim while the channel's <see cref="IInboundTurnProcessor"/> handles it, and marks it
/// done; a failure is tried again after a growing wait, and after <c>Inbound:MaxAttempts</c> the turn is given up and
/// the asker told. A turn claimed when the process stopped is taken again (at once on SQLite, whose single instance
/// knows its earlier process is gone; after the lease elsewhere).
/// </summary>
public sealed class InboundTurnWorker(
    InboundTurnStore store,
    InboundTurnQueue queue,
    IEnumerable<IInboundTurnProcessor> processors,
    IOptions<InboundOptions> options,
    IOptions<StorageOptions> storage,
    TimeProvider time,
    ILogger<InboundTurnWorker> logger) : BackgroundService
{
    private readonly string owner = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}";
    private readonly Dictionary<string, IInboundTurnProcessor> byChannel = processors.ToDictionary(p => p.Channel, StringComparer.Ordinal);

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        if (storage.Value.Provider == StorageProvider.Sqlite)
        {
            var released = await store.ReleaseAllClaimsAsync(time.GetUtcNow(), cancellationToken);
            if (released > 0)
                InboundLog.ClaimsReleased(logger, released);
        }

        await base.StartAsync(cancellationToken);
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(Enumerable.Range(0, options.Value.Workers).Select(_ => Task.Run(() => RunAsync(stoppingToken), CancellationToken.None)));

    private async Task RunAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var claimed = await store.TryClaimNextAsync(owner, time.GetUtcNow(), settings.Lease, stoppingToken);
                if (claimed is null)
                {
                    await queue.WaitForWorkAsync(settings.PollInterval, stoppingToken);
                    continue;
                }

                await HandleAsync(claimed, settings, stoppingToken);
                // Finishing one may have unblocked the next turn of its conversation: look again at once.
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception)
            {
                InboundLog.QueueUnavailable(logger, exception, settings.PollInterval);
                await queue.WaitForWorkAsync(settings.PollInterval, stoppingToken);
            }
        }
    }

    private async Task HandleAsync(InboundTurnEntity claimed, InboundOptions settings, CancellationToken stoppingToken)
    {
        var turn = InboundTurn.From(claimed);
        if (turn.Attempt > 1 && claimed.LastError is null)
            InboundLog.TurnResumed(logger, turn.Id, turn.Channel, turn.InboundId, turn.Attempt);

        using var renewing = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        var renewal = RenewWhileHandledAsync(turn.Id, settings.Lease, renewing.Token);
        object? result;
        try
        {
            var processor = byChannel.GetValueOrDefault(turn.Channel)
                ?? throw new InvalidOperationException($"No inbound turn processor is registered for channel '{turn.Channel}'.");
            result = await processor.ProcessAsync(turn, stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: the claim is left to lapse, so the turn is taken again (at the next start, or by another instance).
            await StopRenewingAsync(renewing, renewal);
            throw;
        }
        catch (Exception exception)
        {
            await StopRenewingAsync(renewing, renewal);
            await FailAsync(turn, exception, settings);
            return;
        }

        await StopRenewingAsync(renewing, renewal);
        if (!await store.CompleteAsync(turn.Id, owner, time.GetUtcNow(), CancellationToken.None))
            InboundLog.ClaimLost(logger, turn.Id);
        queue.Finished(turn.Channel, turn.InboundId, result);
    }

    private async Task FailAsync(InboundTurn turn, Exception exception, InboundOptions settings)
    {
        var now = time.GetUtcNow();
        var error = $"{exception.GetType().Name}: {exception.Message}";
        if (turn.Attempt < settings.MaxAttempts)
        {
            var retryAt = now + settings.RetryBaseDelay * Math.Pow(2, turn.Attempt - 1);
            InboundLog.TurnRetrying(logger, exception, turn.Id, turn.Channel, turn.InboundId, turn.Attempt, settings.MaxAttempts, retryAt);
            if (!await store.FailAsync(turn.Id, owner, error, now, retryAt, CancellationToken.None))
                InboundLog.ClaimLost(logger, turn.Id);
            return;
        }

        InboundLog.TurnGivenUp(logger, exception, turn.Id, turn.Channel, turn.InboundId, turn.Attempt);
        // Told while the claim still holds the conversation, so the asker hears it before the answers to later turns.
        try
        {
            if (byChannel.GetValueOrDefault(turn.Channel) is { } processor)
                await processor.GiveUpAsync(turn, CancellationToken.None);
        }
        catch (Exception noticeFailure)
        {
            InboundLog.GiveUpNoticeFailed(logger, noticeFailure, turn.Id, turn.Channel, turn.InboundId);
        }

        if (!await store.FailAsync(turn.Id, owner, error, time.GetUtcNow(), retryAt: null, CancellationToken.None))
            InboundLog.ClaimLost(logger, turn.Id);
        queue.Finished(turn.Channel, turn.InboundId, null);
    }

    /// <summary>Renews the claim every third of the lease until cancelled (the turn finished or the host stops).</summary>
    private async Task RenewWhileHandledAsync(long id, TimeSpan lease, CancellationToken cancellationToken)
    {
        try
        {
            while (true)
            {
                await Task.Delay(lease / 3, time, cancellationToken);
                if (!await store.RenewAsync(id, owner, time.GetUtcNow() + lease, cancellationToken))
                {
                    InboundLog.ClaimLost(logger, id);
                    return;
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    private static async Task StopRenewingAsync(CancellationTokenSource renewing, Task renewal)
    {
        await renewing.CancelAsync();
        await renewal;
    }
}
