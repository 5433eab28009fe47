using JobSheetQA.Bot.Chat.Promotions;
using JobSheetQA.Bot.Chat.Replies;
using JobSheetQA.Bot.Chat.Turns;
using JobSheetQA.Bot.Promotions.Acknowledgements;

namespace JobSheetQA.Bot.Chat.Handlers.Promotions;

/// <summary>The pre-dispatch posture checklist's form (<c>checklist:&lt;id&gt;</c>): the same answer as typing three yes/no answers.</summary>
public sealed class PreDispatchChecklistFormHandler(AcknowledgementDialog dialog) : IChatFormHandler
{
    public bool CanHandle(string formId) => formId.StartsWith(PreDispatchChecklistForm.Prefix, StringComparison.Ordinal);

    public async Task<IReadOnlyList<Reply>> HandleAsync(FormSubmission form, ChatTurn turn, CancellationToken cancellationToken)
    {
        PreDispatchChecklistForm.TryParse(form.FormId, out var acknowledgementId);
        return [PromotionReplies.For(await dialog.AnswerChecklistFormAsync(acknowledgementId, PreDispatchChecklistForm.Answers(form), turn.Caller, cancellationToken))];
    }
}
