namespace JobSheetQA.Bot.Tests.Jobs.Support;

/// <summary>A test-only job as later jobs will look: a plain class from DI, called with a small serialisable argument.</summary>
public sealed class RecordingJob(JobRunLog log)
{
    public void Run(string marker) => log.Record(marker);
}
