using JobSheetQA.Bot.Chat.Replies;

namespace JobSheetQA.Bot.Chat.Turns;

/// <summary>Answers submissions of the forms it wrote (acknowledgement prompt, checklists), recognised by form id.</summary>
public interface IChatFormHandler
{
    bool CanHandle(string formId);

    Task<IReadOnlyList<Reply>> HandleAsync(FormSubmission form, ChatTurn turn, CancellationToken cancellationToken);
}
