using JobSheetQA.Bot.Chat.Commands;
using JobSheetQA.Bot.Chat.Replies;
using JobSheetQA.Bot.Chat.Turns;

namespace JobSheetQA.Bot.Promotions.Commands;

/// <summary><c>promote &lt;env&gt; …</c>, and its dry runs <c>--dry-run</c> and <c>why &lt;env&gt;</c> (design.md §3).</summary>
public sealed class PromoteHandler(PromotionService service) : ChatCommandHandler<PromoteCommand>
{
    protected override Task<IReadOnlyList<Reply>> HandleAsync(PromoteCommand command, ChatTurn turn, CancellationToken cancellationToken) =>
        command.DryRun ? service.DryRunAsync(command, turn, cancellationToken) : service.PromoteAsync(command, turn, cancellationToken);
}
