using Hangfire;
using JobSheetQA.Bot.Promotions;

namespace JobSheetQA.Bot.Jobs;

/// <summary>
/// Lets the acknowledgement flow ask for an expiry run right at an acknowledgement's expiry time, so the requester
/// hears within seconds; the recurring run is the backstop.
/// </summary>
public sealed class AcknowledgementExpiryScheduler(IBackgroundJobClient jobs) : IAcknowledgementExpiry
{
    public void ExpireAt(DateTimeOffset expiresAt) =>
        jobs.Schedule<AcknowledgementExpiryJob>(job => job.RunAsync(CancellationToken.None), expiresAt);
}
