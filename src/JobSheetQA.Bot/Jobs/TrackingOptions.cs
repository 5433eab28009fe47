namespace JobSheetQA.Bot.Jobs;

/// <summary>The <c>Tracking</c> settings for the jobs that follow a dispatched workflow run (design.md §6).</summary>
public sealed class TrackingOptions
{
    public const string SectionName = "Tracking";

    /// <summary>
    /// <c>Tracking:PollInterval</c>: how long a tracking job waits before asking GitHub about a run again. Webhooks,
    /// when configured, wake the tracker early; polling stays the backstop.
    /// </summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(10);
}
