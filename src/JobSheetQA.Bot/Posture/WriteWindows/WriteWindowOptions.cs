namespace JobSheetQA.Bot.Posture.WriteWindows;

/// <summary>The <c>WriteWindows</c> settings: whether the bot sets and restores the posture flags itself (runbook §4.3).</summary>
public sealed class WriteWindowOptions
{
    public const string SectionName = "WriteWindows";

    /// <summary>
    /// Opt-in. True: <c>write-window open … purge|scheduler|both</c> records the flags' previous environment values, sets
    /// the requested ones to <c>true</c> on GitHub, and closing or expiry restores and reads them back. Needs the GitHub
    /// credential's <c>Environments: write</c> (and <c>Variables: read</c>). False: a window is a record; flags are changed by hand.
    /// </summary>
    public bool ManageVariables { get; set; }

    /// <summary>The wait before retrying a failed restore; doubled after each failure up to <see cref="RestoreRetryMax"/>.</summary>
    public TimeSpan RestoreRetryInitial { get; set; } = TimeSpan.FromMinutes(1);

    public TimeSpan RestoreRetryMax { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>The wait before attempt <paramref name="failures"/> + 1.</summary>
    public TimeSpan RetryDelay(int failures)
    {
        var delay = RestoreRetryInitial;
        for (var i = 1; i < failures && delay < RestoreRetryMax; i++)
            delay += delay;
        return delay < RestoreRetryMax ? delay : RestoreRetryMax;
    }
}
