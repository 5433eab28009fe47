namespace JobSheetQA.GitHubSandbox.State;

/// <summary>The primary rate limit: a budget per hour, refilled at the reset time. Used under the state lock.</summary>
internal sealed class RateBudget(int limit)
{
    public int Limit { get; private set; } = limit;

    public int Used { get; private set; }

    public DateTimeOffset? Reset { get; private set; }

    public int Remaining => Math.Max(0, Limit - Used);

    /// <summary>Starts a new window when none is open or the open one has ended.</summary>
    public void Roll(DateTimeOffset now)
    {
        if (Reset is not { } reset || now >= reset)
        {
            Used = 0;
            Reset = now.AddHours(1);
        }
    }

    public void Spend() => Used++;

    public void Set(int limit, int? remaining)
    {
        Limit = limit;
        Used = remaining is { } r ? Math.Max(0, limit - r) : Math.Min(Used, limit);
    }

    public long ResetEpoch(DateTimeOffset now) => (Reset ?? now.AddHours(1)).ToUnixTimeSeconds();
}
