using System.Collections.Concurrent;
using System.Threading.Channels;
using JobSheetQA.Bot.Hosting.Telemetry;
using JobSheetQA.Bot.Storage;
using Microsoft.Extensions.Options;

namespace JobSheetQA.Bot.Channels.Inbound;

/// <summary>
/// The adapters' side of the durable inbound queue: stores an authenticated request as a turn before the platform is
/// answered (<see cref="InboundTurnStore"/>), hands it to this process's <see cref="InboundTurnWorker"/> in memory, and
/// lets a request that must answer with the turn's result (a Teams invoke) wait for it a bounded time.
/// </summary>
/// <remarks>
/// The database stays the queue: a turn handed over in memory is claimed there for this process as it is stored (one
/// write on SQLite), and its claim is kept while it waits for a worker (<see cref="InboundClaims"/>). One behind an
/// unfinished earlier turn of its conversation waits in memory for that turn when it is handled here, and is handed over
/// again when it is finished; one the memory cannot take (the hand-over list full, or behind a turn handled elsewhere or
/// due again later) is marked as backlog, so a worker looks in the database for it. A redelivery of a recently accepted
/// id is answered from a bounded memory of those ids before the database is asked; the database's unique ids remain the
/// authority.
/// </remarks>
public sealed class InboundTurnQueue(InboundTurnStore store, TimeProvider time, BotMetrics metrics, IOptions<InboundOptions> options)
{
    /// <summary>Accepted turns handed over in memory and not yet taken by a worker; more go through the database.</summary>
    public const int HandOverCapacity = 1024;

    /// <summary>Recently accepted ids remembered to answer a redelivery without the database.</summary>
    public const int RememberedIds = 10_000;

    private readonly SemaphoreSlim work = new(0, int.MaxValue);
    // Not bounded by itself: AcceptAsync hands a new turn over only while fewer than HandOverCapacity wait, and at most
    // HandOverCapacity parked turns come back through it, so it holds about twice that at most.
    private readonly Channel<HandedOver> handOver = Channel.CreateUnbounded<HandedOver>();
    private readonly RecentIds recent = new(RememberedIds);
    private readonly ConcurrentDictionary<string, byte> waitingBehind = new(StringComparer.Ordinal);

    // Conversations with a turn being handled by this process, each with the turns handed over here since that could not
    // be claimed behind it: handed over again when it is finished, instead of a look in the database. Guarded by itself.
    private readonly Dictionary<string, List<InboundTurn>> handledHere = new(StringComparer.Ordinal);
    private int parked;
    private readonly ConcurrentDictionary<(string Channel, string InboundId), TaskCompletionSource<object?>> waiting = new();

    // Changes each time the database may hold a due turn no worker knows of; 0 when a look found none. Starts set: turns
    // accepted before this process started are only in the database.
    private long backlog = 1;

    /// <summary>
    /// Accepted turns waiting in memory for a worker, handed over or behind an unfinished turn of their conversation (the
    /// inbound queue depth of this process).
    /// </summary>
    public int Waiting => handOver.Reader.Count + Volatile.Read(ref parked);

    /// <summary>The claims this process holds, made here at acceptance and by its workers.</summary>
    public InboundClaims Claims { get; } = new();

    /// <summary>
    /// Stores the turn unless one of its ids was accepted before, or <paramref name="capacity"/> turns of its channel are
    /// already waiting (null: no bound).
    /// </summary>
    public async Task<InboundAcceptance> AcceptAsync(InboundTurnAcceptance turn, int? capacity, CancellationToken cancellationToken)
    {
        var ids = turn.Ids.ToList();
        if (ids.Any(id => recent.Contains(turn.Channel, id)))
            return Duplicate(turn);
        if (capacity is { } limit && await store.CountWaitingAsync(turn.Channel, cancellationToken) >= limit)
            return InboundAcceptance.Full;
        // Stored whatever happens to the request from here: a platform that hangs up still gets its turn handled. Claimed
        // as it is stored when the memory can take it, so no worker spends a write claiming it and no look in the
        // database takes it from under the hand-over; not for a channel that bounds its waiting turns (Slack), which
        // counts them in the database, where they wait unclaimed until a worker takes them.
        var handOverNow = handOver.Reader.Count < HandOverCapacity;
        var claimNow = handOverNow && capacity is null && store.AcceptsAndClaimsInOneWrite;
        var accepted = claimNow
            ? await store.AcceptAndClaimAsync(turn, time.GetUtcNow(), Claims.Owner, options.Value.Lease, CancellationToken.None)
            : await store.AcceptAsync(turn, time.GetUtcNow(), CancellationToken.None) is { } stored ? new AcceptedTurn(stored, Claimed: false) : null;
        foreach (var known in ids)
            recent.Add(turn.Channel, known);
        if (accepted is not { } turnAccepted)
            return Duplicate(turn);

        var handed = new InboundTurn(turnAccepted.Id, turn.Channel, turn.InboundId, turn.ConversationKey, turn.Payload, Attempt: 1);
        if (turnAccepted.Claimed && Claims.TryHold(handed.Id, time.GetTimestamp()) is { } claim)
        {
            Handling(turn.ConversationKey);
            HandOver(new HandedOver(handed, claim));
        }
        else if (!handOverNow)
        {
            MarkBacklog();
            Wake();
        }
        else if (!(claimNow && TryPark(handed)))
        {
            // Not claimed yet: a worker claims it. When its claim just failed, the earlier turn it met was not handled
            // here, or has just finished (its end and this acceptance commit together): the worker tries again.
            HandOver(new HandedOver(handed, Claim: null));
        }

        return InboundAcceptance.Accepted;
    }

    private InboundAcceptance Duplicate(InboundTurnAcceptance turn)
    {
        metrics.Turn(turn.Channel, "duplicate");
        return InboundAcceptance.Duplicate;
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

    /// <summary>
    /// Takes a turn accepted here that no worker has taken yet: with its claim when it was claimed as it was stored, else
    /// still to be claimed in the database.
    /// </summary>
    internal bool TryTakeAccepted(out HandedOver handed) => handOver.Reader.TryRead(out handed!);

    /// <summary>A worker of this process has claimed a turn of the conversation and is handling it.</summary>
    internal void Handling(string conversationKey)
    {
        lock (handledHere)
            handledHere.TryAdd(conversationKey, []);
    }

    /// <summary>
    /// A handed-over turn could not be claimed, most likely because an earlier turn of its conversation is unfinished. When
    /// that turn is being handled here, the turn waits in memory and is handed over again once it is finished
    /// (<see cref="ConversationFreed"/>); otherwise (handled by another instance, due again later, or more turns waiting
    /// than <see cref="HandOverCapacity"/>) the database has it, and <see cref="ConversationFreed"/> sends a worker there.
    /// </summary>
    internal void CouldNotClaim(InboundTurn turn)
    {
        if (TryPark(turn))
            return;
        if (waitingBehind.Count >= HandOverCapacity)
            waitingBehind.Clear(); // a bound; the workers' periodic look finds what a cleared entry would have pointed to
        waitingBehind[turn.ConversationKey] = 0;
        MarkBacklog();
        Wake();
    }

    /// <summary>Keeps the turn in memory behind its conversation's turn handled here, if one is (and there is room).</summary>
    private bool TryPark(InboundTurn turn)
    {
        lock (handledHere)
        {
            if (parked >= HandOverCapacity || !handledHere.TryGetValue(turn.ConversationKey, out var behind))
                return false;
            behind.Add(turn);
            parked++;
            return true;
        }
    }

    /// <summary>A turn of the conversation is finished (done or given up): its next turn may be claimed.</summary>
    internal void ConversationFreed(string conversationKey)
    {
        foreach (var turn in StopHandling(conversationKey))
            HandOver(new HandedOver(turn, Claim: null));
        if (waitingBehind.TryRemove(conversationKey, out _))
        {
            MarkBacklog();
            Wake();
        }
    }

    /// <summary>
    /// A turn of the conversation failed and is due again later, still first in its conversation: the turns waiting
    /// behind it here are left to the database, where a worker finds them once it is finished.
    /// </summary>
    internal void ConversationPaused(string conversationKey)
    {
        foreach (var turn in StopHandling(conversationKey))
            CouldNotClaim(turn);
    }

    private List<InboundTurn> StopHandling(string conversationKey)
    {
        lock (handledHere)
        {
            if (!handledHere.Remove(conversationKey, out var behind))
                return [];
            parked -= behind.Count;
            return behind;
        }
    }

    private void HandOver(HandedOver handed)
    {
        handOver.Writer.TryWrite(handed); // unbounded: always taken
        Wake();
    }

    /// <summary>Notes that the database may hold a due turn no worker was handed (so a worker looks there next).</summary>
    internal void MarkBacklog() => Interlocked.Increment(ref backlog);

    /// <summary>Non-zero while the database may hold a due turn no worker was handed; pass it to <see cref="BacklogLookedAt"/>.</summary>
    internal long Backlog => Volatile.Read(ref backlog);

    /// <summary>A look in the database that began at <paramref name="seen"/> found nothing: clears the backlog unless it was marked since.</summary>
    internal void BacklogLookedAt(long seen) => Interlocked.CompareExchange(ref backlog, 0, seen);

    /// <summary>Wakes an idle worker of this process.</summary>
    internal void Wake() => work.Release();

    /// <summary>Waits until <see cref="Wake"/> (true) or until <paramref name="interval"/> has passed (false).</summary>
    internal async Task<bool> WaitForWorkAsync(TimeSpan interval, CancellationToken cancellationToken)
    {
        using var timeout = new CancellationTokenSource(interval, time);
        using var either = CancellationTokenSource.CreateLinkedTokenSource(timeout.Token, cancellationToken);
        try
        {
            await work.WaitAsync(either.Token);
            return true;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }

    /// <summary>A turn handed over to the workers in memory, with this process's claim on it when it has one already.</summary>
    internal sealed record HandedOver(InboundTurn Turn, InboundClaims.Claim? Claim);

    /// <summary>The last <c>capacity</c> accepted (channel, id) pairs; the oldest are forgotten first.</summary>
    private sealed class RecentIds(int capacity)
    {
        private readonly ConcurrentDictionary<(string, string), byte> ids = new();
        private readonly ConcurrentQueue<(string, string)> order = new();

        public bool Contains(string channel, string id) => ids.ContainsKey((channel, id));

        public void Add(string channel, string id)
        {
            if (!ids.TryAdd((channel, id), 0))
                return;
            order.Enqueue((channel, id));
            while (order.Count > capacity && order.TryDequeue(out var oldest))
                ids.TryRemove(oldest, out _);
        }
    }
}
