using Hangfire;
using JobSheetQA.Bot.Jobs.Tracking;

namespace JobSheetQA.Bot.Jobs;

/// <summary>
/// Starts after the Hangfire server: registers the recurring jobs (acknowledgement expiry, write-window watch,
/// tracking reconciler, inbound prune, protection review sweep), resumes tracking every in-flight promotion and answers or
/// re-queues every deployment protection review left pending, so a restart loses nothing.
/// </summary>
internal sealed class TrackingStartup(IRecurringJobManager recurring, IServiceScopeFactory scopes, ILogger<TrackingStartup> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        // Every 30 s: a requester waits at most that long to hear their acknowledgement expired (it is also scheduled at expiry).
        recurring.AddOrUpdate<AcknowledgementExpiryJob>(AcknowledgementExpiryJob.RecurringJobId, job => job.RunAsync(CancellationToken.None), "*/30 * * * * *");
        recurring.AddOrUpdate<WriteWindowWatchJob>(WriteWindowWatchJob.RecurringJobId, job => job.RunAsync(CancellationToken.None), Cron.Minutely());
        recurring.AddOrUpdate<TrackingReconcilerJob>(TrackingReconcilerJob.RecurringJobId, job => job.RunAsync(CancellationToken.None), Cron.Minutely());
        // Daily is plenty: the prune only keeps processed_inbound from growing, and a week of ids is kept anyway.
        recurring.AddOrUpdate<InboundPruneJob>(InboundPruneJob.RecurringJobId, job => job.RunAsync(CancellationToken.None), Cron.Daily());
        // Every minute: a review nobody finished is rejected at most a minute after GitHub:ProtectionRule:GiveUpAfter.
        recurring.AddOrUpdate<ProtectionReviewSweepJob>(ProtectionReviewSweepJob.RecurringJobId, job => job.RunAsync(CancellationToken.None), Cron.Minutely());

        // Crash safety (runbook §4.3 step 4): a managed write window that ended while no instance ran is restored now, not in a minute.
        recurring.Trigger(WriteWindowWatchJob.RecurringJobId);

        await using var scope = scopes.CreateAsyncScope();
        var resumed = await scope.ServiceProvider.GetRequiredService<TrackingReconcilerJob>().ReconcileAsync(onlyOverdue: false, cancellationToken);
        JobsLog.TrackingResumed(logger, resumed);
        await scope.ServiceProvider.GetRequiredService<ProtectionReviewSweepJob>().SweepAsync(resume: true, cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
