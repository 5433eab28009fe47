namespace JobSheetQA.Bot.Chat.Replies;

/// <summary>One part of a reply.</summary>
public abstract record ReplyBlock;
