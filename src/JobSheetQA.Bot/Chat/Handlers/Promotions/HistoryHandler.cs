using JobSheetQA.Bot.Chat.Commands;
using JobSheetQA.Bot.Chat.Promotions;
using JobSheetQA.Bot.Chat.Replies;
using JobSheetQA.Bot.Chat.Turns;
using JobSheetQA.Bot.Storage;
using JobSheetQA.Rules.Policy;

namespace JobSheetQA.Bot.Chat.Handlers.Promotions;

/// <summary><c>history [env]</c>: recent promotions, newest first, with outcome, commit, requester and run link.</summary>
public sealed class HistoryHandler(PromotionStore promotions, PromotionPolicy policy) : ChatCommandHandler<HistoryCommand>
{
    /// <summary>How many promotions a history shows: enough for a day's work, short enough for a chat message.</summary>
    public const int Length = 15;

    protected override async Task<IReadOnlyList<Reply>> HandleAsync(HistoryCommand command, ChatTurn turn, CancellationToken cancellationToken)
    {
        if (command.Environment is { } environment && policy.FindEnvironment(environment) is null)
            return [Reply.Text($"There is no environment `{environment}`. Environments: {string.Join(", ", policy.Environments.Select(e => e.Name))}.")];

        var recent = await promotions.RecentAsync(command.Environment, Length, cancellationToken);
        var where = command.Environment ?? "any environment";
        if (recent.Count == 0)
            return [Reply.Text($"No promotions to {where} yet.")];

        var lines = recent.Select(p => $"- {PromotionText.Line(p)}");
        return [Reply.Text($"**History** ({where}, newest first):\n{string.Join('\n', lines)}")];
    }
}
