namespace JobSheetQA.Bot.Chat.Replies;

/// <summary>Buttons in a row.</summary>
public sealed record ButtonsBlock(IReadOnlyList<ReplyButton> Buttons) : ReplyBlock;
