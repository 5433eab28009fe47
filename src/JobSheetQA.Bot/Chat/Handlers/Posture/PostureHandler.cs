using JobSheetQA.Bot.Chat.Commands;
using JobSheetQA.Bot.Chat.Posture;
using JobSheetQA.Bot.Chat.Replies;
using JobSheetQA.Bot.Chat.Turns;
using JobSheetQA.Bot.Chat.Wording;
using JobSheetQA.Bot.Posture;
using JobSheetQA.Rules.Policy;

namespace JobSheetQA.Bot.Chat.Handlers.Posture;

/// <summary>
/// <c>posture [production]</c>: the posture flags as GitHub has them now (runbook §4.1), any open write window (§4.3),
/// and the read-only checklist of §4.2 with the items the bot can check itself ticked or not.
/// </summary>
public sealed class PostureHandler(PromotionPolicy policy, PostureReader reader) : ChatCommandHandler<PostureCommand>
{
    protected override async Task<IReadOnlyList<Reply>> HandleAsync(PostureCommand command, ChatTurn turn, CancellationToken cancellationToken)
    {
        var environment = command.Environment;
        if (policy.FindEnvironment(environment) is not { } environmentPolicy)
        {
            var known = policy.Environments.Select(e => $"`{e.Name}`").ToList();
            var closest = Suggestions.Closest(environment, policy.Environments.Select(e => e.Name));
            var didYouMean = closest.Count == 0 ? "" : $" Did you mean `posture {closest[0]}`?";
            return [Reply.Text($"Unknown environment `{environment}`: the policy has {ChatText.AndList(known)}.{didYouMean}")];
        }

        var view = await reader.ReadAsync(environmentPolicy, turn.Now, cancellationToken);
        return view.Succeeded
            ? [PostureReplies.View(view.Value, policy.Posture.Flags)]
            : [GitHubProblem.Reply($"read the posture flags of {environment}", view.Error)];
    }
}
