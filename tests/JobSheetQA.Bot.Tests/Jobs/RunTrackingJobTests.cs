using JobSheetQA.Bot.GitHub;
using JobSheetQA.Bot.Jobs;
using JobSheetQA.Bot.Jobs.Tracking;

namespace JobSheetQA.Bot.Tests.Jobs;

/// <summary>When the next poll runs: the interval, doubling while GitHub fails, a rate limit's reset honoured.</summary>
public sealed class RunTrackingJobTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 9, 0, 0, TimeSpan.Zero);
    private static readonly TrackingOptions Options = new() { PollInterval = TimeSpan.FromSeconds(10), MaxBackoff = TimeSpan.FromMinutes(5) };

    [Fact]
    public void A_successful_poll_is_followed_after_the_poll_interval() =>
        Assert.Equal(TimeSpan.FromSeconds(10), RunTrackingJob.NextDelay(null, 0, Options, Now));

    [Theory]
    [InlineData(1, 20)]
    [InlineData(2, 40)]
    [InlineData(4, 160)]
    [InlineData(5, 300)]
    [InlineData(40, 300)]
    public void Failures_in_a_row_double_the_wait_up_to_the_cap(int failures, int seconds) =>
        Assert.Equal(TimeSpan.FromSeconds(seconds),
            RunTrackingJob.NextDelay(new GitHubError(GitHubErrorKind.Unavailable, "GitHub is down"), failures, Options, Now));

    [Fact]
    public void A_rate_limit_waits_until_it_lifts_even_beyond_the_cap()
    {
        var error = new GitHubError(GitHubErrorKind.RateLimited, "rate limited", 403, Now + TimeSpan.FromMinutes(20));

        Assert.Equal(TimeSpan.FromMinutes(20), RunTrackingJob.NextDelay(error, 1, Options, Now));
    }

    [Fact]
    public void A_rate_limit_that_lifts_sooner_than_the_backoff_still_backs_off()
    {
        var error = new GitHubError(GitHubErrorKind.RateLimited, "rate limited", 403, Now + TimeSpan.FromSeconds(1));

        Assert.Equal(TimeSpan.FromSeconds(20), RunTrackingJob.NextDelay(error, 1, Options, Now));
    }

    [Fact]
    public void A_poll_interval_longer_than_the_backoff_cap_is_never_shortened() =>
        Assert.Equal(TimeSpan.FromMinutes(10),
            RunTrackingJob.NextDelay(new GitHubError(GitHubErrorKind.Timeout, "slow"), 3, new TrackingOptions { PollInterval = TimeSpan.FromMinutes(10) }, Now));
}
