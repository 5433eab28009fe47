namespace JobSheetQA.Bot.Chat.Replies;

/// <summary>Name–value pairs, shown as a table or list (e.g. commit, environment, requester).</summary>
public sealed record FactsBlock(IReadOnlyList<ReplyFact> Facts) : ReplyBlock;
