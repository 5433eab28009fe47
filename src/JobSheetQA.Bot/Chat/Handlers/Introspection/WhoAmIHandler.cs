using JobSheetQA.Bot.Chat.Commands;
using JobSheetQA.Bot.Chat.Replies;
using JobSheetQA.Bot.Chat.Turns;
using JobSheetQA.Rules.Facts;
using JobSheetQA.Rules.Policy;

namespace JobSheetQA.Bot.Chat.Handlers.Introspection;

/// <summary>
/// <c>whoami</c>: the identity the channel authenticated, in the forms policy.yaml names people, and for each environment
/// whether the ACCESS rule lets them promote there (the same <see cref="EnvironmentPolicy.Admits"/> the rule uses).
/// </summary>
public sealed class WhoAmIHandler(PromotionPolicy policy, IHostEnvironment host) : ChatCommandHandler<WhoAmICommand>
{
    protected override Task<IReadOnlyList<Reply>> HandleAsync(WhoAmICommand command, ChatTurn turn, CancellationToken cancellationToken)
    {
        var sender = turn.Sender;
        var facts = new List<ReplyFact>
        {
            new("Name", sender.DisplayName),
            new("Channel", sender.Channel),
            new("User id", sender.UserId),
            new("Policy id", $"`{sender.QualifiedId}`"),
            new("E-mail", sender.Email ?? "(not provided by the channel)"),
        };
        facts.AddRange(policy.Environments.Select(environment => new ReplyFact($"promote {environment.Name}", Access(environment, sender))));

        var names = sender.Email is null ? $"`{sender.QualifiedId}`" : $"`{sender.QualifiedId}` or `{sender.Email}`";
        Reply reply = new(
        [
            new TextBlock($"You are **{sender.DisplayName}** on {sender.Channel}."),
            new FactsBlock(facts),
            new TextBlock($"policy.yaml names requesters per environment as `*`, an e-mail or `channel:userId`; you would be listed as {names} (rule ACCESS)."),
        ]);
        return Task.FromResult<IReadOnlyList<Reply>>([reply]);
    }

    private string Access(EnvironmentPolicy environment, RequesterIdentity sender)
    {
        if (environment.Requesters.FirstOrDefault(sender.IsNamedBy) is { } entry)
            return $"yes (listed as `{entry}`)";
        if (environment.Requesters.Count == 0)
        {
            return host.IsDevelopment()
                ? "yes, in Development only: policy.yaml lists no requesters (ACCESS warns)"
                : "no: policy.yaml lists no requesters for it (ACCESS)";
        }

        return "no: not listed under its requesters in policy.yaml (ACCESS)";
    }
}
