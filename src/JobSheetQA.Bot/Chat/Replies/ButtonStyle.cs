namespace JobSheetQA.Bot.Chat.Replies;

/// <summary>How prominent a button is; channels map it to their own styles.</summary>
public enum ButtonStyle
{
    Default,
    Primary,
    Danger,
}
