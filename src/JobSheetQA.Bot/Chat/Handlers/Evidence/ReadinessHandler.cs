using JobSheetQA.Bot.Chat.Commands;
using JobSheetQA.Bot.Chat.Evidence;
using JobSheetQA.Bot.Chat.Replies;
using JobSheetQA.Bot.Chat.Turns;
using JobSheetQA.Bot.Chat.Wording;
using JobSheetQA.Bot.Evidence.Readiness;

namespace JobSheetQA.Bot.Chat.Handlers.Evidence;

/// <summary><c>readiness</c>: the Deployment Readiness Pack (runbook §6.1) as a chat summary and as markdown.</summary>
public sealed class ReadinessHandler(ReadinessPackBuilder builder) : ChatCommandHandler<ReadinessCommand>
{
    protected override async Task<IReadOnlyList<Reply>> HandleAsync(ReadinessCommand command, ChatTurn turn, CancellationToken cancellationToken)
    {
        var pack = await builder.BuildAsync(turn.Now, cancellationToken);
        return pack.Succeeded
            ? ReadinessReply.Render(pack.Value)
            : [GitHubProblem.Reply("read the HEAD of the promotion branch for the readiness pack", pack.Error)];
    }
}
