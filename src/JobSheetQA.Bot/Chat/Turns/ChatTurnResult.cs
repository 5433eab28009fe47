using JobSheetQA.Bot.Chat.Replies;

namespace JobSheetQA.Bot.Chat.Turns;

/// <summary>What the adapter sends back for one message; a repeated delivery gets nothing.</summary>
public sealed record ChatTurnResult(IReadOnlyList<Reply> Replies, bool WasDuplicate)
{
    public static ChatTurnResult Duplicate { get; } = new([], true);

    public static ChatTurnResult Answered(IReadOnlyList<Reply> replies) => new(replies, false);
}
