using JobSheetQA.Bot.Chat.Replies;
using JobSheetQA.Bot.Chat.Turns;
using JobSheetQA.Bot.Storage;
using JobSheetQA.Rules.Policy;

namespace JobSheetQA.Bot.Promotions.Acknowledgements;

/// <summary>
/// Text that is not a command, while the sender has an acknowledgement to give: it is their answer, right or wrong.
/// Someone without one who types the phrase is told politely whose it is (or that theirs expired); anything else
/// is not this dialog's business and falls through to help.
/// </summary>
public sealed class AcknowledgementTextHandler(
    AcknowledgementStore acknowledgements,
    PromotionStore promotions,
    AcknowledgementDialog dialog,
    PromotionPolicy policy) : IChatTextHandler
{
    public async Task<IReadOnlyList<Reply>?> TryHandleAsync(string text, ChatTurn turn, CancellationToken cancellationToken)
    {
        var pending = await acknowledgements.PendingForRequesterAsync(turn.Sender.Channel, turn.Sender.UserId, turn.Now, cancellationToken);
        if (pending.Count > 0)
            return await dialog.AnswerAsync(pending[0], text, turn, cancellationToken);

        if (!text.Contains(policy.Acknowledgement.Phrase, StringComparison.OrdinalIgnoreCase))
            return null;

        var awaiting = await promotions.InStatesAsync([PromotionState.AwaitingAcknowledgement], cancellationToken);
        if (awaiting.LastOrDefault(p => PromotionText.IsRequester(p, turn.Sender)) is { } own)
        {
            return [Reply.Text(
                $"The acknowledgement for promotion `{own.Id}` ({own.Environment}) has expired; nothing was dispatched. "
                + $"Type `{PromotionText.What(own)}` to ask again.")];
        }

        if (awaiting.LastOrDefault(p => p.ConversationReferenceId == turn.ConversationReferenceId) is { } theirs)
        {
            return [Reply.Text(
                $"Thanks, but only {theirs.RequesterDisplayName} can acknowledge promotion `{theirs.Id}` ({theirs.Environment}): "
                + "an acknowledgement is bound to the person who asked for the promotion. Nothing changed.")];
        }

        return [Reply.Text(
            "There is no acknowledgement waiting for you, so nothing changed. "
            + $"To skip parity on staging, type `promote staging skip parity` first; I then ask for `{policy.Acknowledgement.Phrase}`.")];
    }
}
