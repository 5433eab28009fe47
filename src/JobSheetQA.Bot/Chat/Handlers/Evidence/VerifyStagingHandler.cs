using JobSheetQA.Bot.Chat.Commands;
using JobSheetQA.Bot.Chat.Evidence;
using JobSheetQA.Bot.Chat.Replies;
using JobSheetQA.Bot.Chat.Turns;
using JobSheetQA.Bot.Evidence;

namespace JobSheetQA.Bot.Chat.Handlers.Evidence;

/// <summary>
/// <c>verify staging</c>: asks for the staging verification checklist about the commit deployed to staging, i.e. the
/// latest successful staging promotion. Production's STAGE-FIRST rule reads what <see cref="StagingVerificationFormHandler"/> records.
/// </summary>
public sealed class VerifyStagingHandler(StagingVerifier verifier) : ChatCommandHandler<VerifyCommand>
{
    protected override async Task<IReadOnlyList<Reply>> HandleAsync(VerifyCommand command, ChatTurn turn, CancellationToken cancellationToken) =>
        [VerificationReplies.For(await verifier.WantedAsync(command.Environment, turn.Caller, cancellationToken))];
}
