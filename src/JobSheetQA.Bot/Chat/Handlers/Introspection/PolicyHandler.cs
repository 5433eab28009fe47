using System.Text;
using JobSheetQA.Bot.Chat.Commands;
using JobSheetQA.Bot.Chat.Replies;
using JobSheetQA.Bot.Chat.Turns;
using JobSheetQA.Bot.Chat.Wording;
using JobSheetQA.Rules.Catalogue;

namespace JobSheetQA.Bot.Chat.Handlers.Introspection;

/// <summary><c>policy [rule id]</c>: the rule catalogue by rule set, or one rule with its runbook section, outcomes and what it says.</summary>
public sealed class PolicyHandler : ChatCommandHandler<PolicyCommand>
{
    protected override Task<IReadOnlyList<Reply>> HandleAsync(PolicyCommand command, ChatTurn turn, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<Reply>>([command.RuleId is null ? Catalogue() : One(command.RuleId)]);

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
