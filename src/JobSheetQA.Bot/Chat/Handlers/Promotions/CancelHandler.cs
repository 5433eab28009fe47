using JobSheetQA.Bot.Chat.Commands;
using JobSheetQA.Bot.Chat.Promotions;
using JobSheetQA.Bot.Chat.Replies;
using JobSheetQA.Bot.Chat.Turns;
using JobSheetQA.Bot.Promotions.Cancellation;

namespace JobSheetQA.Bot.Chat.Handlers.Promotions;

/// <summary><c>cancel [promotion id]</c>: the requester's own promotion, before dispatch or by cancelling its run (<see cref="PromotionCanceller"/>).</summary>
public sealed class CancelHandler(PromotionCanceller canceller) : ChatCommandHandler<CancelCommand>
{
    protected override async Task<IReadOnlyList<Reply>> HandleAsync(CancelCommand command, ChatTurn turn, CancellationToken cancellationToken) =>
        [PromotionReplies.For(await canceller.CancelAsync(command.PromotionId, turn.Caller, cancellationToken))];
}
