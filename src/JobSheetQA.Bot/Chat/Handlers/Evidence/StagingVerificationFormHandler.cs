using JobSheetQA.Bot.Chat.Evidence;
using JobSheetQA.Bot.Chat.Replies;
using JobSheetQA.Bot.Chat.Turns;
using JobSheetQA.Bot.Evidence;

namespace JobSheetQA.Bot.Chat.Handlers.Evidence;

/// <summary>
/// A submitted staging verification checklist: recorded for the commit it was shown for, by the submitter
/// (<see cref="StagingVerifier"/>); only a complete checklist is recorded, otherwise it says what is missing.
/// </summary>
public sealed class StagingVerificationFormHandler(StagingVerifier verifier) : IChatFormHandler
{
    public bool CanHandle(string formId) => formId.StartsWith(StagingVerificationForm.Prefix, StringComparison.Ordinal);

    public async Task<IReadOnlyList<Reply>> HandleAsync(FormSubmission form, ChatTurn turn, CancellationToken cancellationToken)
    {
        if (!StagingVerificationForm.TryParse(form.FormId, out var environment, out var commitSha))
            return [VerificationReplies.For(new UnknownVerification())];

        var outcome = await verifier.RecordAsync(environment, commitSha, StagingVerificationForm.Answers(form), turn.Caller, cancellationToken);
        return [VerificationReplies.For(outcome)];
    }
}
