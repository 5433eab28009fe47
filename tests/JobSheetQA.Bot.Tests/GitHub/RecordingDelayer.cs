using System.Collections.Concurrent;
using JobSheetQA.Bot.GitHub.Client;

namespace JobSheetQA.Bot.Tests.GitHub;

/// <summary>Records every wait the gateway asks for and waits only a thousandth of it (at most 50 ms), so backoffs
/// and rate-limit waits are observable without slowing the tests.</summary>
internal sealed class RecordingDelayer : IGitHubDelayer
{
    private readonly ConcurrentQueue<TimeSpan> delays = new();

    public IReadOnlyList<TimeSpan> Delays => delays.ToList();

    public Task DelayAsync(TimeSpan delay, CancellationToken cancellationToken)
    {
        delays.Enqueue(delay);
        var real = TimeSpan.FromTicks(Math.Min(delay.Ticks / 1000, TimeSpan.FromMilliseconds(50).Ticks));
        return Task.Delay(real, cancellationToken);
    }
}
