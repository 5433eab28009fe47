using JobSheetQA.Bot.Chat.Commands;
using JobSheetQA.Bot.Chat.Posture;
using JobSheetQA.Bot.Chat.Replies;
using JobSheetQA.Bot.Chat.Turns;
using JobSheetQA.Bot.Posture.WriteWindows;
using JobSheetQA.Rules.Policy;

namespace JobSheetQA.Bot.Chat.Handlers.Posture;

/// <summary>
/// <c>write-window close production</c>: ends the open window now, and says at once whether the environment is back to
/// read-only (runbook §4.3 step 4), from the flags <see cref="WriteWindowService"/> read right after closing.
/// </summary>
public sealed class CloseWriteWindowHandler(WriteWindowService windows, PromotionPolicy policy) : ChatCommandHandler<CloseWriteWindowCommand>
{
    protected override async Task<IReadOnlyList<Reply>> HandleAsync(CloseWriteWindowCommand command, ChatTurn turn, CancellationToken cancellationToken) =>
        [WriteWindowReplies.For(await windows.CloseAsync(command.Environment, turn.Caller, cancellationToken), policy)];
}
