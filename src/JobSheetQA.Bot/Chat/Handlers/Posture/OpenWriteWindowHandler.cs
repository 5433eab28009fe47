using JobSheetQA.Bot.Chat.Commands;
using JobSheetQA.Bot.Chat.Posture;
using JobSheetQA.Bot.Chat.Replies;
using JobSheetQA.Bot.Chat.Turns;
using JobSheetQA.Bot.Posture.WriteWindows;
using JobSheetQA.Rules.Policy;

namespace JobSheetQA.Bot.Chat.Handlers.Posture;

/// <summary>
/// <c>write-window open production CR-123 for 2h</c> (runbook §4.3): judged and recorded by <see cref="WriteWindowService"/>;
/// while it is open the posture rules warn instead of deny.
/// </summary>
public sealed class OpenWriteWindowHandler(WriteWindowService windows, PromotionPolicy policy) : ChatCommandHandler<OpenWriteWindowCommand>
{
    protected override async Task<IReadOnlyList<Reply>> HandleAsync(OpenWriteWindowCommand command, ChatTurn turn, CancellationToken cancellationToken) =>
        [WriteWindowReplies.For(await windows.OpenAsync(command.Environment, command.ChangeRequest, command.Duration, turn.Caller, cancellationToken, command.Flags), policy)];
}
