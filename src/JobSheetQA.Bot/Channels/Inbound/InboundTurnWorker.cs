using System.Collections.Concurrent;
using JobSheetQA.Bot.Hosting.Telemetry;
using JobSheetQA.Bot.Storage;
using Microsoft.Extensions.Options;

namespace JobSheetQA.Bot.Channels.Inbound;

/// <summary>
/// Handles the stored inbound turns with <c>Inbound:Workers</c> loops: each takes a turn this process accepted (handed
/// over in memory, claimed as it was stored or else now with one conditional update) or else claims the oldest due turn that is first in its
/// conversation from the database (looked at when a hand-over could not be claimed, and every
/// <c>Inbound:PollInterval</c> for turns accepted elsewhere or due again), has the channel's <see cref="IInboundTurnProcessor"/>
/// handle it, and marks it done; one more loop renews every claim this process holds (<see cref="InboundClaims"/>: turns
/// being handled, and turns claimed as they were stored and waiting for a worker) every third of <c>Inbound:Lease</c> (a
/// turn costs no timer of its own); a failure is tried again after a growing wait, and after <c>Inbound:MaxAttempts</c> the turn is given up and
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
    BotMetrics metrics,
    ILogger<InboundTurnWorker> logger) : BackgroundService
{
    private readonly Dictionary<string, IInboundTurnProcessor> byChannel = processors.ToDictionary(p => p.Channel, StringComparer.Ordinal);

    // The claims the renewal loop keeps: of the turns this process's workers are handling, and of those it claimed as it
    // accepted them, waiting for a worker. Each claim is its own, so one that ends never takes out a later claim of the
    // same turn (a retry another worker took at once).
    private readonly InboundClaims claims = queue.Claims;
    private readonly string owner = queue.Claims.Owner;

    // Made at start, so the first renewal is due a third of the lease after the worker started.
    private PeriodicTimer? renewals;

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        renewals = new PeriodicTimer(options.Value.Lease / 3, time);
        metrics.ObserveGauge("jobsheetqa.inbound.waiting", () => queue.Waiting,
            "Accepted inbound turns waiting for a worker of this process (the inbound queue depth).");
        if (storage.Value.Provider == StorageProvider.Sqlite)
        {
            var released = await store.ReleaseAllClaimsAsync(time.GetUtcNow(), cancellationToken);
            if (released > 0)
                InboundLog.ClaimsReleased(logger, released);
        }

        await base.StartAsync(cancellationToken);
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(Enumerable.Range(0, options.Value.Workers)
            .Select(_ => Task.Run(() => RunAsync(stoppingToken), CancellationToken.None))
            .Append(Task.Run(() => RenewClaimsAsync(renewals!, options.Value.Lease, stoppingToken), CancellationToken.None)));

    private async Task RunAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        var lastLook = (long?)null;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var taken = await TakeAcceptedAsync(settings, stoppingToken);
                // The database, for turns this process was not handed: accepted before it started or by another instance,
                // due again after a failure, behind an earlier turn of their conversation, or left by a dead worker.
                if (taken is null && (queue.Backlog != 0 || lastLook is not { } looked || time.GetElapsedTime(looked) >= settings.PollInterval))
                {
                    var backlog = queue.Backlog;
                    lastLook = time.GetTimestamp();
                    var claimed = await store.TryClaimNextAsync(owner, time.GetUtcNow(), settings.Lease, stoppingToken);
                    if (claimed is null)
                        queue.BacklogLookedAt(backlog);
                    else
                        taken = Claimed(InboundTurn.From(claimed));
                    if (claimed is { Attempts: > 1, LastError: null })
                        InboundLog.TurnResumed(logger, claimed.Id, claimed.Channel, claimed.InboundId, claimed.Attempts);
                }

                if (taken is not { } work)
                {
                    await queue.WaitForWorkAsync(settings.PollInterval, stoppingToken);
                    continue;
                }

                await HandleAsync(work.Turn, work.Claim, settings, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception)
            {
                // A turn taken from memory but not claimed is still in the database: look there once it answers again.
                queue.MarkBacklog();
                InboundLog.QueueUnavailable(logger, exception, settings.PollInterval);
                await queue.WaitForWorkAsync(settings.PollInterval, stoppingToken);
            }
        }
    }

    /// <summary>
    /// A turn this process accepted: claimed already as it was stored, or claimed now in the database with one update;
    /// one that cannot be claimed (behind an earlier turn of its conversation, or taken by another instance) is left to
    /// the queue (<see cref="InboundTurnQueue.CouldNotClaim"/>).
    /// </summary>
    private async Task<(InboundTurn Turn, InboundClaims.Claim Claim)?> TakeAcceptedAsync(InboundOptions settings, CancellationToken stoppingToken)
    {
        while (queue.TryTakeAccepted(out var handed))
        {
            if (handed.Claim is { } claim)
            {
                // A claim a renewal found lost while the turn waited is not this process's any more: its new holder has it.
                if (claims.IsHeld(handed.Turn.Id, claim))
                    return (handed.Turn, claim);
                continue;
            }

            if (await store.TryClaimAcceptedAsync(handed.Turn.Id, owner, time.GetUtcNow(), settings.Lease, stoppingToken))
            {
                if (Claimed(handed.Turn) is { } taken)
                    return taken;
                continue;
            }

            queue.CouldNotClaim(handed.Turn);
        }

        return null;
    }

    /// <summary>The turn claimed now, as this process's; null when this process holds it already (its holder handles it).</summary>
    private (InboundTurn Turn, InboundClaims.Claim Claim)? Claimed(InboundTurn turn)
    {
        if (claims.TryHold(turn.Id, time.GetTimestamp()) is not { } claim)
            return null;
        queue.Handling(turn.ConversationKey);
        return (turn, claim);
    }

    private async Task HandleAsync(InboundTurn turn, InboundClaims.Claim handled, InboundOptions settings, CancellationToken stoppingToken)
    {
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
            throw;
        }
        catch (Exception exception)
        {
            await FailAsync(turn, handled, exception, settings);
            return;
        }
        finally
        {
            StopRenewing(turn.Id, handled);
        }

        try
        {
            if (!await store.CompleteAsync(turn.Id, owner, time.GetUtcNow(), CancellationToken.None))
                InboundLog.ClaimLost(logger, turn.Id);
        }
        finally
        {
            // Also when the database did not answer: turns waiting here behind this one then go to the database look.
            queue.ConversationFreed(turn.ConversationKey);
        }

        queue.Finished(turn.Channel, turn.InboundId, result);
    }

    private async Task FailAsync(InboundTurn turn, InboundClaims.Claim handled, Exception exception, InboundOptions settings)
    {
        var now = time.GetUtcNow();
        var error = $"{exception.GetType().Name}: {exception.Message}";
        if (turn.Attempt < settings.MaxAttempts)
        {
            var retryAt = now + settings.RetryBaseDelay * Math.Pow(2, turn.Attempt - 1);
            InboundLog.TurnRetrying(logger, exception, turn.Id, turn.Channel, turn.InboundId, turn.Attempt, settings.MaxAttempts, retryAt);
            StopRenewing(turn.Id, handled);
            try
            {
                if (!await store.FailAsync(turn.Id, owner, error, now, retryAt, CancellationToken.None))
                    InboundLog.ClaimLost(logger, turn.Id);
            }
            finally
            {
                queue.ConversationPaused(turn.ConversationKey);
            }

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

        StopRenewing(turn.Id, handled);
        try
        {
            if (!await store.FailAsync(turn.Id, owner, error, time.GetUtcNow(), retryAt: null, CancellationToken.None))
                InboundLog.ClaimLost(logger, turn.Id);
        }
        finally
        {
            queue.ConversationFreed(turn.ConversationKey);
        }

        queue.Finished(turn.Channel, turn.InboundId, null);
    }

    // Before the store moves the turn out of Processing: a renewal after that would find no claim and call it lost.
    private void StopRenewing(long id, InboundClaims.Claim handled) => claims.Release(id, handled);

    /// <summary>
    /// Every third of the lease, renews each claim this process holds that was made at least that long ago (of a turn
    /// being handled, or waiting in memory for a worker); a claim found lost is said once (another worker may take that
    /// turn again). One loop for the process, not a timer per turn.
    /// </summary>
    private async Task RenewClaimsAsync(PeriodicTimer ticks, TimeSpan lease, CancellationToken stoppingToken)
    {
        using var disposing = ticks;
        try
        {
            while (await ticks.WaitForNextTickAsync(stoppingToken))
            {
                foreach (var (id, handled) in claims.Held)
                {
                    // A claim younger than a third of the lease has at least two thirds left: no write for it yet.
                    if (time.GetElapsedTime(handled.Since) < lease / 3)
                        continue;

                    try
                    {
                        // Finished between the look and the renewal: its claim is gone because it is done, not lost.
                        if (!await store.RenewAsync(id, owner, time.GetUtcNow() + lease, stoppingToken) && claims.Release(id, handled))
                            InboundLog.ClaimLost(logger, id);
                    }
                    catch (Exception exception) when (exception is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
                    {
                        InboundLog.QueueUnavailable(logger, exception, lease / 3);
                        break;
                    }
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }
}
