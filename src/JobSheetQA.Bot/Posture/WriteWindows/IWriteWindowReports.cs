namespace JobSheetQA.Bot.Posture.WriteWindows;

/// <summary>
/// Where the write-window watch hands what it found. The chat side implements it: it words each report and posts it
/// into the window's conversation and to subscribed conversations, once per report however often it is made.
/// </summary>
public interface IWriteWindowReports
{
    /// <returns>True when every post the report owes was made (or can never be); false when a later call should try again.</returns>
    Task<bool> ReportAsync(WriteWindowReport report, CancellationToken cancellationToken);
}
