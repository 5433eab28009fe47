using JobSheetQA.Bot.Chat.Replies;
using JobSheetQA.Bot.Chat.Turns;
using JobSheetQA.Bot.Storage;

namespace JobSheetQA.Bot.Promotions.Acknowledgements;

/// <summary>The acknowledgement prompt's form (<c>ack:&lt;id&gt;</c>): the same answer as typing the phrase, for that one acknowledgement.</summary>
public sealed class AcknowledgementFormHandler(AcknowledgementStore acknowledgements, AcknowledgementDialog dialog) : IChatFormHandler
{
    private const string Prefix = "ack:";

    public bool CanHandle(string formId) => formId.StartsWith(Prefix, StringComparison.Ordinal);

    public async Task<IReadOnlyList<Reply>> HandleAsync(FormSubmission form, ChatTurn turn, CancellationToken cancellationToken)
    {
        var acknowledgement = await acknowledgements.FindAsync(form.FormId[Prefix.Length..], cancellationToken);
        if (acknowledgement is null)
            return [Reply.Text("That acknowledgement is no longer open. Nothing changed.")];

        // Untrimmed, as the adapter delivered it: the phrase is compared exactly.
        return await dialog.AnswerAsync(acknowledgement, form.Value(PromotionService.PhraseInputId) ?? "", turn, cancellationToken);
    }
}
