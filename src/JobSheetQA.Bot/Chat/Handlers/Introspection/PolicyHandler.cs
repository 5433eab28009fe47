using System.Text;
using JobSheetQA.Bot.Chat.Commands;
using JobSheetQA.Bot.Chat.Replies;
using JobSheetQA.Bot.Chat.Turns;
using JobSheetQA.Bot.Chat.Wording;
using JobSheetQA.Rules.Catalogue;
using JobSheetQA.Rules.Policy;

namespace JobSheetQA.Bot.Chat.Handlers.Introspection;

/// <summary>
/// <c>policy [rule id]</c>: the rule catalogue by rule set and who may do what (the authorization matrix of policy.yaml),
/// or one rule with its runbook section, outcomes and what it says.
/// </summary>
public sealed class PolicyHandler(PromotionPolicy policy, IHostEnvironment host) : ChatCommandHandler<PolicyCommand>
{
    protected override Task<IReadOnlyList<Reply>> HandleAsync(PolicyCommand command, ChatTurn turn, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<Reply>>(command.RuleId is null ? [Catalogue(), Matrix()] : [One(command.RuleId)]);

    /// <summary>Each action, the policy key that names who may take it, and how many it names (`whoami` tells each person).</summary>
    private Reply Matrix()
    {
        var text = new StringBuilder("**Who may do what** (policy.yaml; `whoami` says whether you may):\n");
        foreach (var environment in policy.Environments)
            text.AppendLine(Row($"promote {environment.Name}", policy.OwnersOf(PolicyAction.Promote, environment.Name)));
        foreach (var environment in policy.Environments.Where(e => policy.Environments.Any(next => policy.PredecessorOf(next.Name) == e.Name)))
            text.AppendLine(Row($"verify {environment.Name}", policy.OwnersOf(PolicyAction.Verify, environment.Name)));
        foreach (var environment in policy.Environments.Where(e => e.ReadOnlyPosture))
        {
            text.AppendLine(Row($"{environment.Name} posture checklist", policy.OwnersOf(PolicyAction.PostureChecklist, environment.Name)));
            text.AppendLine(Row($"open or close {environment.Name} write windows", policy.OwnersOf(PolicyAction.WriteWindow, environment.Name)));
        }

        text.AppendLine(Row("cancel someone else's promotion", policy.OwnersOf(PolicyAction.Cancel, policy.Environments[0].Name)) + " (a requester may always cancel their own)");
        var separation = policy.SeparatesDuties(host.IsDevelopment());
        text.AppendLine($"- separation of duties (`authorization.separation_of_duties`): {(separation ? "on" : "off")}: "
            + (separation ? "a promotion needs its predecessor's verification recorded by someone else (SEPARATE-VERIFIER)" : "the requester's own verification counts"));
        text.AppendLine("- subscribe, unsubscribe and the read-only commands: anyone the bot serves (no key)");
        text.Append("Nobody acts without an id their chat platform vouches for; an empty list means nobody outside Development (anyone in it, but never to cancel others).");
        return Reply.Text(text.ToString());
    }

    private static string Row(string action, ActionOwners owners)
    {
        var key = owners.StandIn is { } standIn ? $"`{owners.PolicyKey}` (unset, so `{standIn}`)" : $"`{owners.PolicyKey}`";
        var who = owners.Entries.Contains("*") ? "anyone (`*`)"
            : owners.Entries.Count == 0 ? "nobody listed"
            : owners.Entries.Count == 1 ? "1 person listed"
            : $"{owners.Entries.Count} people listed";
        return $"- {action}: {key}: {who}";
    }

    private static Reply Catalogue()
    {
        var text = new StringBuilder($"**Rule catalogue** ({RuleCatalogue.All.Count} rules). `policy <rule id>` shows one.\n");
        foreach (var set in RuleSets.Promotion.Append(RuleSets.WriteWindow))
        {
            text.AppendLine($"\n**{set}**");
            foreach (var rule in RuleCatalogue.All.Where(r => r.RuleSet == set))
                text.AppendLine($"- `{rule.Id}` ({ChatText.Section(rule.RunbookSection)}; {Outcomes(rule)}): {rule.Description}");
        }

        return Reply.Text(text.ToString().TrimEnd());
    }

    private static Reply One(string ruleId)
    {
        if (RuleCatalogue.Find(ruleId) is not { } rule)
        {
            var ids = RuleCatalogue.All.Select(r => r.Id).ToList();
            var closest = Suggestions.Closest(ruleId, ids);
            var didYouMean = closest.Count == 0 ? "" : $" Did you mean {ChatText.OrList(closest.Select(id => $"`{id}`").ToList())}?";
            return Reply.Text($"There is no rule `{ruleId}`.{didYouMean}\nRules: {string.Join(", ", ids)}");
        }

        var blocks = new List<ReplyBlock>
        {
            new TextBlock($"**{rule.Id}**: {rule.Description}"),
            new FactsBlock(
            [
                new ReplyFact("Runbook", ChatText.Section(rule.RunbookSection)),
                new ReplyFact("Rule set", rule.RuleSet),
                new ReplyFact("Outcomes", Outcomes(rule)),
                new ReplyFact("Waivable", rule.NonWaivable ? "no: nothing can lift it (no acknowledgement, role or setting)" : "by its own conditions only"),
            ]),
        };
        if (RuleDocs.For(rule.Id) is { } docs)
            blocks.Add(new TextBlock(docs));
        return new Reply(blocks);
    }

    private static string Outcomes(RuleInfo rule) => string.Join(", ", rule.Outcomes.Select(CatalogueMarkdown.Describe));
}
