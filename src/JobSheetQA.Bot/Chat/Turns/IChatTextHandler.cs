using JobSheetQA.Bot.Chat.Replies;

namespace JobSheetQA.Bot.Chat.Turns;

/// <summary>
/// Looks at text that is not a command, before the bot answers with help: an open dialog (a typed acknowledgement)
/// may be waiting for it. Returns null when the text is not its business.
/// </summary>
public interface IChatTextHandler
{
    Task<IReadOnlyList<Reply>?> TryHandleAsync(string text, ChatTurn turn, CancellationToken cancellationToken);
}
