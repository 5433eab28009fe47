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

    /// <summary>Records a claim on turn <paramref name="id"/> made at <paramref name="since"/> (a <see cref="TimeProvider"/> timestamp).</summary>
    internal Claim Hold(long id, long since)
    {
        var claim = new Claim(since);
        held[id] = claim;
        return claim;
    }

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
