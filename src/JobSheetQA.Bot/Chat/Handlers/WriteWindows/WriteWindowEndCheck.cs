namespace JobSheetQA.Bot.Chat.Handlers.WriteWindows;

/// <summary>
/// The idempotency keys of the posture check said when a write window ends or is closed (runbook §4.3 step 4), one per
/// window and conversation: the watch job posts under them, and <c>write-window close</c> marks the conversation it
/// answered in, so that conversation is not told the same thing again.
/// </summary>
public static class WriteWindowEndCheck
{
    public const string PostKind = "write-window-end";

    public static string KeyPrefix(long windowId) => $"write-window-end:{windowId}";

    public static string Key(long windowId, long conversationReferenceId) => $"{KeyPrefix(windowId)}:{conversationReferenceId}";
}
