namespace JobSheetQA.Bot.Chat.Replies;

/// <summary>One line of a <see cref="FactsBlock"/>.</summary>
public sealed record ReplyFact(string Name, string Value);
