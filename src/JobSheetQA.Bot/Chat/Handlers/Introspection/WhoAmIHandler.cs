using JobSheetQA.Bot.Chat.Commands;
using JobSheetQA.Bot.Chat.Replies;
using JobSheetQA.Bot.Chat.Turns;
using JobSheetQA.Bot.Chat.Wording;
using JobSheetQA.Bot.Policy;
using JobSheetQA.Rules.Facts;
using JobSheetQA.Rules.Policy;

namespace JobSheetQA.Bot.Chat.Handlers.Introspection;

/// <summary>
/// <c>whoami</c>: the identity the channel vouched for, in the form policy.yaml names people, and for every action of
/// the authorization matrix whether policy.yaml lets them take it — the same checks the actions themselves make
/// (<see cref="ActionAuthorizer"/>; promoting as rule ACCESS judges it).
/// </summary>
public sealed class WhoAmIHandler(PromotionPolicy policy, ActionAuthorizer authorizer, IHostEnvironment host) : ChatCommandHandler<WhoAmICommand>
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
            new("Verified", sender.Verified
                ? $"yes: {sender.Channel} vouches for this user id"
                : $"no: {sender.Channel} gave no stable user id, so you can only read ({AuthorizationText.ReadOnlyCommands})"),
            new("E-mail", sender.Email is null ? "(not provided by the channel)" : $"{sender.Email} (shown only: policy.yaml never names people by e-mail)"),
        };
        facts.AddRange(policy.Environments.Select(environment => new ReplyFact($"promote {environment.Name}", Access(environment, sender))));
        foreach (var (action, environment) in Matrix())
            facts.Add(new ReplyFact(Label(action, environment), Answer(action, environment, sender)));

        Reply reply = new(
        [
            new TextBlock($"You are **{sender.DisplayName}** on {sender.Channel}."),
            new FactsBlock(facts),
            new TextBlock($"policy.yaml names people as `*` or `channel:userId`; you would be listed as `{sender.QualifiedId}` (`policy` shows who may do what)."),
        ]);
        return Task.FromResult<IReadOnlyList<Reply>>([reply]);
    }

    /// <summary>Every action besides promoting, on the environments it applies to.</summary>
    private IEnumerable<(PolicyAction Action, string Environment)> Matrix()
    {
        foreach (var environment in policy.Environments.Select(e => e.Name).Where(e => policy.Environments.Any(next => policy.PredecessorOf(next.Name) == e)))
            yield return (PolicyAction.Verify, environment);
        foreach (var environment in policy.Environments.Where(e => e.ReadOnlyPosture).Select(e => e.Name))
        {
            yield return (PolicyAction.PostureChecklist, environment);
            yield return (PolicyAction.WriteWindow, environment);
        }

        foreach (var environment in policy.Environments.Select(e => e.Name))
            yield return (PolicyAction.Cancel, environment);
    }

    private static string Label(PolicyAction action, string environment) => action switch
    {
        PolicyAction.Verify => $"verify {environment}",
        PolicyAction.PostureChecklist => $"{environment} posture checklist",
        PolicyAction.WriteWindow => $"{environment} write windows",
        PolicyAction.Cancel => $"cancel others' {environment} promotions",
        _ => AuthorizationText.Doing(action, environment),
    };

    private string Answer(PolicyAction action, string environment, RequesterIdentity sender)
    {
        var owners = policy.OwnersOf(action, environment);
        var key = owners.StandIn is { } standIn ? $"`{owners.PolicyKey}` (unset, so `{standIn}`)" : $"`{owners.PolicyKey}`";
        if (authorizer.Check(action, environment, sender) is { } refusal)
        {
            return refusal.Unverified ? "no: not vouched for (read-only)"
                : owners.Entries.Count == 0 ? $"no: {key} names nobody"
                : $"no: not listed under {key}";
        }

        return owners.Entries.FirstOrDefault(sender.IsNamedBy) is { } entry
            ? $"yes (listed as `{entry}` under {key})"
            : $"yes, in Development only: {key} names nobody";
    }

    private string Key(EnvironmentPolicy environment) => policy.OwnersOf(PolicyAction.Promote, environment.Name).PolicyKey;

    private string Access(EnvironmentPolicy environment, RequesterIdentity sender)
    {
        if (!sender.Verified)
            return "no: not vouched for (read-only; ACCESS)";
        if (environment.Requesters.FirstOrDefault(sender.IsNamedBy) is { } entry)
            return $"yes (listed as `{entry}`)";
        if (environment.Requesters.Count == 0)
        {
            return host.IsDevelopment()
                ? "yes, in Development only: policy.yaml lists no requesters (ACCESS warns)"
                : $"no: `{Key(environment)}` names nobody (ACCESS)";
        }

        return $"no: not listed under `{Key(environment)}` (ACCESS)";
    }
}
