namespace JobSheetQA.Bot.Jobs.Tracking;

/// <summary>The <c>Tracking</c> settings for the jobs that follow a dispatched workflow run (docs/configuration.md, "Tracking").</summary>
public sealed class TrackingOptions
{
    public const string SectionName = "Tracking";

    /// <summary>
    /// <c>Tracking:PollInterval</c>: how long a tracking job waits before asking GitHub about a run again. Webhooks,
    /// when configured, wake the tracker early; polling stays the backstop.
    /// </summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary><c>Tracking:MaxBackoff</c>: the longest wait between polls while GitHub keeps failing (never shorter than
    /// <see cref="PollInterval"/>); a rate limit's own reset time is honoured even when later.</summary>
    public TimeSpan MaxBackoff { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary><c>Tracking:QueuedNoticeAfter</c>: a run still queued this long after it was created is reported in the conversation (once).</summary>
    public TimeSpan QueuedNoticeAfter { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// <c>Tracking:RunNotFoundAfter</c>: a dispatched promotion whose run cannot be found by its correlation id for this
    /// long is failed and reported, instead of being tracked for ever.
    /// </summary>
    public TimeSpan RunNotFoundAfter { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>
    /// <c>Tracking:RunGoneAfter</c>: a promotion whose run GitHub has answered 404 for this long (from the first 404 in a
    /// row; an answer with the run starts it afresh, outages and rate limits neither start nor stop it) is failed and
    /// reported, instead of being polled for ever.
    /// </summary>
    public TimeSpan RunGoneAfter { get; set; } = TimeSpan.FromMinutes(10);
}
