using System.Collections.Concurrent;

namespace JobSheetQA.Bot.Tests.Jobs.Support;

/// <summary>What the test jobs did: which marker ran, how often and when; tests wait on it with a bound.</summary>
public sealed class JobRunLog(TimeProvider time)
{
    private readonly ConcurrentDictionary<string, TaskCompletionSource<DateTimeOffset>> firstRuns = new();
    private readonly ConcurrentDictionary<string, int> counts = new();

    public void Record(string marker)
    {
        counts.AddOrUpdate(marker, 1, (_, count) => count + 1);
        FirstRun(marker).TrySetResult(time.GetUtcNow());
    }

    public int Count(string marker) => counts.GetValueOrDefault(marker);

    /// <summary>When <paramref name="marker"/> first ran; fails the test if it has not run within <paramref name="timeout"/>.</summary>
    public async Task<DateTimeOffset> WaitForAsync(string marker, TimeSpan timeout)
    {
        try
        {
            return await FirstRun(marker).Task.WaitAsync(timeout);
        }
        catch (TimeoutException)
        {
            throw new Xunit.Sdk.XunitException($"job '{marker}' did not run within {timeout.TotalSeconds:0} s");
        }
    }

    private TaskCompletionSource<DateTimeOffset> FirstRun(string marker) =>
        firstRuns.GetOrAdd(marker, _ => new TaskCompletionSource<DateTimeOffset>(TaskCreationOptions.RunContinuationsAsynchronously));
}
