using JobSheetQA.Bot.Chat.Posture;
using JobSheetQA.Bot.Chat.Replies;
using JobSheetQA.Bot.Chat.Turns;
using JobSheetQA.Bot.Posture;

namespace JobSheetQA.Bot.Chat.Handlers.Posture;

/// <summary>A submitted posture checklist (<c>posture-checklist:&lt;promotion&gt;</c>): recorded by the posture module, answered with what it did.</summary>
public sealed class PostureChecklistFormHandler(PostureChecklistRecorder recorder) : IChatFormHandler
{
    public bool CanHandle(string formId) => formId.StartsWith(PostureChecklistForm.Prefix, StringComparison.Ordinal);

    public async Task<IReadOnlyList<Reply>> HandleAsync(FormSubmission form, ChatTurn turn, CancellationToken cancellationToken)
    {
        if (!PostureChecklistForm.TryParse(form.FormId, out var promotionId))
            return [PostureReplies.Checklist(new ChecklistForUnknownPromotion())];

        var outcome = await recorder.RecordAsync(promotionId, PostureChecklistForm.Answers(form), turn.Caller, cancellationToken);
        return [PostureReplies.Checklist(outcome)];
    }
}
