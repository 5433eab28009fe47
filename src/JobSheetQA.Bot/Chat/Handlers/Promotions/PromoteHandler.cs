using JobSheetQA.Bot.Chat.Commands;
using JobSheetQA.Bot.Chat.Promotions;
using JobSheetQA.Bot.Chat.Replies;
using JobSheetQA.Bot.Chat.Turns;
using JobSheetQA.Bot.Promotions;

namespace JobSheetQA.Bot.Chat.Handlers.Promotions;

/// <summary><c>promote &lt;env&gt; …</c>, and its dry runs <c>--dry-run</c> and <c>why &lt;env&gt;</c>: the promotions module decides, this says what it did.</summary>
public sealed class PromoteHandler(PromotionService promotions) : ChatCommandHandler<PromoteCommand>
{
    protected override async Task<IReadOnlyList<Reply>> HandleAsync(PromoteCommand command, ChatTurn turn, CancellationToken cancellationToken)
    {
        var request = new PromoteRequest(command.Environment, command.Ref, command.SkipParity, command.UseNightlyParity);
        var outcome = command.DryRun
            ? await promotions.DryRunAsync(request, turn.Caller, cancellationToken)
            : await promotions.PromoteAsync(request, turn.Caller, cancellationToken);
        return [PromotionReplies.For(outcome)];
    }
}
