using System.Collections.Concurrent;
using JobSheetQA.Bot.Storage;

namespace JobSheetQA.Bot.Channels.Inbound;

/// <summary>
/// The adapters' side of the durable inbound queue: stores an authenticated request as a turn before the platform is
/// answered (<see cref="InboundTurnStore"/>), wakes this process's <see cref="InboundTurnWorker"/>, and lets a request
/// that must answer with the turn's result (a Teams invoke) wait for it a bounded time.
/// </summary>
public sealed class InboundTurnQueue(InboundTurnStore store, TimeProvider time)
{
    private readonly SemaphoreSlim work = new(0, int.MaxValue);
    private readonly ConcurrentDictionary<(string Channel, string InboundId), TaskCompletionSource<object?>> waiting = new();

    /// <summary>
    /// Stores the turn unless one of its ids was accepted before, or <paramref name="capacity"/> turns of its channel are
    /// already waiting (null: no bound).
    /// </summary>
    public async Task<InboundAcceptance> AcceptAsync(InboundTurnAcceptance turn, int? capacity, CancellationToken cancellationToken)
    {
        if (capacity is { } limit && await store.CountWaitingAsync(turn.Channel, cancellationToken) >= limit)
            return InboundAcceptance.Full;
        // Stored whatever happens to the request from here: a platform that hangs up still gets its turn handled.
        var id = await store.AcceptAsync(turn, time.GetUtcNow(), CancellationToken.None);
        if (id is null)
            return InboundAcceptance.Duplicate;
        Wake();
        return InboundAcceptance.Accepted;
    }

    /// <summary>
    /// Accepts the turn and waits up to <paramref name="within"/> for its result. Finished is false when the turn was a
    /// duplicate or is still being handled when the time is up (it goes on in the background).
    /// </summary>
    public async Task<(InboundAcceptance Acceptance, bool Finished, object? Result)> AcceptAndWaitAsync(
        InboundTurnAcceptance turn, TimeSpan within, CancellationToken cancellationToken)
    {
        var key = (turn.Channel, turn.InboundId);
        var result = new TaskCompletionSource<object?>(TaskCreationOptions.RunContinuationsAsynchronously);
        waiting[key] = result;
        try
        {
            var acceptance = await AcceptAsync(turn, capacity: null, cancellationToken);
            if (acceptance != InboundAcceptance.Accepted)
                return (acceptance, false, null);
            try
            {
                return (acceptance, true, await result.Task.WaitAsync(within, time, cancellationToken));
            }
            catch (TimeoutException)
            {
                return (acceptance, false, null);
            }
        }
        finally
        {
            waiting.TryRemove(new KeyValuePair<(string, string), TaskCompletionSource<object?>>(key, result));
        }
    }

    /// <summary>Hands a finished turn's result to the request waiting for it, if one is (on this instance).</summary>
    internal void Finished(string channel, string inboundId, object? result)
    {
        if (waiting.TryGetValue((channel, inboundId), out var waiter))
            waiter.TrySetResult(result);
    }

    /// <summary>Wakes an idle worker of this process.</summary>
    internal void Wake() => work.Release();

    /// <summary>Waits until <see cref="Wake"/> or <paramref name="interval"/> has passed.</summary>
    internal async Task WaitForWorkAsync(TimeSpan interval, CancellationToken cancellationToken)
    {
        using var timeout = new CancellationTokenSource(interval, time);
        using var either = CancellationTokenSource.CreateLinkedTokenSource(timeout.Token, cancellationToken);
        try
        {
            await work.WaitAsync(either.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
        }
    }
}
