using JobSheetQA.Bot.Chat.Promotions;
using JobSheetQA.Bot.Chat.Replies;
using JobSheetQA.Bot.Chat.Turns;
using JobSheetQA.Bot.Promotions.Acknowledgements;

namespace JobSheetQA.Bot.Chat.Handlers.Promotions;

/// <summary>The acknowledgement prompt's form (<c>ack:&lt;id&gt;</c>): the same answer as typing the phrase, for that one acknowledgement.</summary>
public sealed class AcknowledgementFormHandler(AcknowledgementDialog dialog) : IChatFormHandler
{
    public bool CanHandle(string formId) => AcknowledgementForm.TryParse(formId, out _);

    public async Task<IReadOnlyList<Reply>> HandleAsync(FormSubmission form, ChatTurn turn, CancellationToken cancellationToken)
    {
        AcknowledgementForm.TryParse(form.FormId, out var acknowledgementId);
        // Untrimmed, as the adapter delivered it: the phrase is compared exactly.
        var typed = form.Value(AcknowledgementForm.PhraseInputId) ?? "";
        return [PromotionReplies.For(await dialog.AnswerFormAsync(acknowledgementId, typed, turn.Caller, cancellationToken))];
    }
}
