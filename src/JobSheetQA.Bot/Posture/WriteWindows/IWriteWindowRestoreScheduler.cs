namespace JobSheetQA.Bot.Posture.WriteWindows;

/// <summary>Runs the restore of a managed window again later (Hangfire; the job carries the window id only).</summary>
public interface IWriteWindowRestoreScheduler
{
    void RetryAt(long windowId, DateTimeOffset at);
}
