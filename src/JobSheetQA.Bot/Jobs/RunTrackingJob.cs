using Hangfire;
using JobSheetQA.Bot.GitHub;
using JobSheetQA.Bot.Hosting.Telemetry;
using JobSheetQA.Bot.Jobs.Tracking;
using Microsoft.Extensions.Options;

namespace JobSheetQA.Bot.Jobs;

/// <summary>
/// The Hangfire job that tracks one promotion: poll once (under a per-promotion lock, so two workers never interleave
/// on it), then schedule the next poll, the interval growing while GitHub fails and honouring a rate limit's reset.
/// It carries only ids; a run twice or after a restart does no harm.
/// </summary>
public sealed class RunTrackingJob(
    RunPoller poller,
    TrackingChains chains,
    IBackgroundJobClient jobs,
    IOptions<TrackingOptions> options,
    TimeProvider time,
    ILogger<RunTrackingJob> logger)
{
    // Longer than one poll can reasonably take; a poll stuck behind a longer one fails and Hangfire retries it.
    private static readonly TimeSpan LockTimeout = TimeSpan.FromMinutes(2);

    /// <param name="promotionId">The promotion to track.</param>
    /// <param name="chain">The polling chain this poll belongs to (<see cref="TrackingChains"/>).</param>
    /// <param name="failures">GitHub failures in a row before this poll, for the backoff.</param>
    /// <param name="cancellationToken">Hangfire's shutdown token.</param>
    [AutomaticRetry(Attempts = 3)]
    public async Task PollAsync(string promotionId, string chain, int failures, CancellationToken cancellationToken)
    {
        PollOutcome outcome;
        using (var span = BotTelemetry.Jobs.StartActivity("tracking.poll"))
        using (chains.Lock(promotionId, LockTimeout))
        {
            span?.SetTag("promotion.id", promotionId);
            outcome = await poller.PollOnceAsync(promotionId, cancellationToken);
            span?.SetTag("tracking.finished", outcome.Finished);
        }

        if (outcome.Finished)
        {
            chains.End(promotionId);
            return;
        }

        if (outcome.Error is { } error)
            JobsLog.TrackingBackingOff(logger, promotionId, error.Kind, error.Message);

        var nextFailures = outcome.Error is null ? 0 : failures + 1;
        var delay = NextDelay(outcome.Error, nextFailures, options.Value, time.GetUtcNow());
        if (chains.Continue(promotionId, chain, time.GetUtcNow() + delay) is { } next)
        {
            // Attached while this job is still processing, so the chain is never seen without a live job.
            var jobId = jobs.Schedule<RunTrackingJob>(job => job.PollAsync(promotionId, next, nextFailures, CancellationToken.None), delay);
            chains.Attach(promotionId, next, jobId);
        }
    }

    /// <summary>The poll interval; after failures it doubles per failure up to the cap; a rate limit waits for its reset.</summary>
    internal static TimeSpan NextDelay(GitHubError? error, int failures, TrackingOptions options, DateTimeOffset now)
    {
        if (error is null)
            return options.PollInterval;

        var cap = options.MaxBackoff > options.PollInterval ? options.MaxBackoff : options.PollInterval;
        var backoff = TimeSpan.FromTicks((long)Math.Min(cap.Ticks, options.PollInterval.Ticks * Math.Pow(2, Math.Min(failures, 20))));
        if (error.Kind == GitHubErrorKind.RateLimited && error.RetryAfter is { } retryAfter && retryAfter - now > backoff)
            return retryAfter - now;
        return backoff;
    }
}
