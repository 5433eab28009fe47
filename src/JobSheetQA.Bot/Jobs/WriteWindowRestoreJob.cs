using JobSheetQA.Bot.Posture.WriteWindows;

namespace JobSheetQA.Bot.Jobs;

/// <summary>
/// Retries restoring a managed write window's flags (runbook §4.3 step 4) after a failed attempt. Carries the window id
/// only; idempotent (a window already restored is left alone). A failure schedules the next attempt itself.
/// </summary>
public sealed class WriteWindowRestoreJob(WriteWindowRestorer restorer)
{
    public Task RunAsync(long windowId, CancellationToken cancellationToken) => restorer.RestoreAsync(windowId, cancellationToken);
}
