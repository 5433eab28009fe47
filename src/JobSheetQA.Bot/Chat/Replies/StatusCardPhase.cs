namespace JobSheetQA.Bot.Chat.Replies;

/// <summary>Where a promotion shown on a status card stands, for renderers that mark it with a symbol or colour.</summary>
public enum StatusCardPhase
{
    InProgress,
    Succeeded,
    Failed,

    /// <summary>Cancelled, refused or expired: stopped without a result.</summary>
    Stopped,
}
