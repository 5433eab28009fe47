using System.Reflection;
using JobSheetQA.Bot.Jobs;

namespace JobSheetQA.Bot.Tests.Jobs;

/// <summary>
/// Hangfire stores each queued, scheduled and recurring job by its type's full name and method signature, and reads
/// them back after an upgrade (and on the other instances of a rolling one): a job class that moves or a method whose
/// parameters change strands every job already stored. These are the names stored jobs carry.
/// </summary>
public sealed class JobTypeNameTests
{
    public static TheoryData<string, string, Type[]> StoredJobs => new()
    {
        { "JobSheetQA.Bot.Jobs.RunTrackingJob", nameof(RunTrackingJob.PollAsync), [typeof(string), typeof(string), typeof(int), typeof(CancellationToken)] },
        { "JobSheetQA.Bot.Jobs.TrackingReconcilerJob", nameof(TrackingReconcilerJob.RunAsync), [typeof(CancellationToken)] },
        { "JobSheetQA.Bot.Jobs.AcknowledgementExpiryJob", nameof(AcknowledgementExpiryJob.RunAsync), [typeof(CancellationToken)] },
        { "JobSheetQA.Bot.Jobs.WriteWindowWatchJob", nameof(WriteWindowWatchJob.RunAsync), [typeof(CancellationToken)] },
        { "JobSheetQA.Bot.Jobs.InboundPruneJob", nameof(InboundPruneJob.RunAsync), [typeof(CancellationToken)] },
    };

    [Theory]
    [MemberData(nameof(StoredJobs))]
    public void A_stored_job_still_finds_its_type_and_method(string typeName, string method, Type[] parameters)
    {
        var type = typeof(RunTrackingJob).Assembly.GetType(typeName);

        Assert.NotNull(type);
        Assert.NotNull(type.GetMethod(method, BindingFlags.Public | BindingFlags.Instance, parameters));
    }
}
