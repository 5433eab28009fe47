using JobSheetQA.Bot.Chat.Promotions;
using JobSheetQA.Bot.Chat.Replies;
using JobSheetQA.Bot.Chat.Turns;
using JobSheetQA.Bot.Promotions.Acknowledgements;

namespace JobSheetQA.Bot.Chat.Handlers.Promotions;

/// <summary>
/// Text that is not a command goes to the acknowledgement dialog first: while the sender owes an acknowledgement it is
/// their answer; the phrase typed by anyone else gets a polite refusal; anything else falls through to help.
/// </summary>
public sealed class AcknowledgementTextHandler(AcknowledgementDialog dialog) : IChatTextHandler
{
    public async Task<IReadOnlyList<Reply>?> TryHandleAsync(string text, ChatTurn turn, CancellationToken cancellationToken) =>
        await dialog.AnswerTextAsync(text, turn.Caller, cancellationToken) is { } outcome ? [PromotionReplies.For(outcome)] : null;
}
