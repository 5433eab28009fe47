using System.Collections.Concurrent;

namespace JobSheetQA.Bot.Channels.Inbound;

/// <summary>
/// The claims on inbound turns this process holds: the name it claims them under, and each turn claimed and not yet
/// finished, from the moment of its claim (at acceptance, or by a worker) until its worker is done with it. The worker's
/// renewal loop keeps every claim held here, so a turn waiting in memory for a worker keeps its claim as well as one
/// being handled.
/// </summary>
public sealed class InboundClaims
{
    private readonly ConcurrentDictionary<long, Claim> held = new();

    /// <summary>The lease owner this process's claims are made under.</summary>
    public string Owner { get; } = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}";

    /// <summary>Claims held now, by turn id.</summary>
    internal IEnumerable<KeyValuePair<long, Claim>> Held => held;

    /// <summary>
    /// Records a claim on turn <paramref name="id"/> made at <paramref name="since"/> (a <see cref="TimeProvider"/>
    /// timestamp); null when this process holds one already: a look in the database took, under this process's own name,
    /// a turn whose lease lapsed while it waited or was handled here, and its holder handles it.
    /// </summary>
    internal Claim? TryHold(long id, long since)
    {
        var claim = new Claim(since);
        return held.TryAdd(id, claim) ? claim : null;
    }

    /// <summary>True while <paramref name="claim"/> is held (not released, nor found lost by a renewal).</summary>
    internal bool IsHeld(long id, Claim claim) => held.TryGetValue(id, out var current) && ReferenceEquals(current, claim);

    /// <summary>
    /// Stops keeping <paramref name="claim"/> (before the store moves the turn out of Processing: a renewal after that
    /// would find no claim and call it lost). True when it was still held.
    /// </summary>
    internal bool Release(long id, Claim claim) => held.TryRemove(KeyValuePair.Create(id, claim));

    /// <summary>One claim on a turn, since it was made (compared by reference: each claim is its own).</summary>
    internal sealed class Claim(long since)
    {
        public long Since { get; } = since;
    }
}
