using System.Text;
using JobSheetQA.Bot.Chat.Commands;
using JobSheetQA.Bot.Chat.Promotions;
using JobSheetQA.Bot.Chat.Replies;
using JobSheetQA.Bot.Chat.Turns;
using JobSheetQA.Bot.Chat.Wording;
using JobSheetQA.Bot.Storage;
using JobSheetQA.Bot.Storage.Entities;
using JobSheetQA.Rules.Policy;

namespace JobSheetQA.Bot.Chat.Handlers.Promotions;

/// <summary>
/// <c>status [env | promotion id]</c>: who holds each environment and since when, with the latest promotion's gates
/// and run link; or one promotion's status card with its facts.
/// </summary>
public sealed class StatusHandler(PromotionStore promotions, PromotionLocks locks, PromotionPolicy policy) : ChatCommandHandler<StatusCommand>
{
    protected override async Task<IReadOnlyList<Reply>> HandleAsync(StatusCommand command, ChatTurn turn, CancellationToken cancellationToken)
    {
        if (command.Target is null)
            return [Reply.Text(await EnvironmentsAsync(policy.Environments.Select(e => e.Name), cancellationToken))];

        if (policy.FindEnvironment(command.Target.ToLowerInvariant()) is { } environment)
            return [Reply.Text(await EnvironmentsAsync([environment.Name], cancellationToken))];

        var promotion = await promotions.FindAsync(command.Target.ToLowerInvariant(), cancellationToken);
        if (promotion is null)
        {
            return [Reply.Text(
                $"There is no environment or promotion called `{command.Target}`. Environments: {string.Join(", ", policy.Environments.Select(e => e.Name))}.")];
        }

        return [One(promotion)];
    }

    /// <summary>One promotion: its status card, then who, what, when and the decision's objections.</summary>
    private static Reply One(PromotionEntity promotion)
    {
        var card = PromotionStatusCard.Build(promotion);
        var facts = new List<ReplyFact>
        {
            new("promotion", promotion.Id),
            new("state", PromotionText.State(promotion.State)),
            new("requested", $"{PromotionText.What(promotion)} by {promotion.RequesterDisplayName} at {ChatText.Utc(promotion.CreatedAt)}"),
            new("commit", PromotionText.Commit(promotion.CommitSha)),
        };
        if (promotion.RunUrl is not null)
            facts.Add(new ReplyFact("run", promotion.RunUrl));
        if (promotion.ReadDecision() is { Findings.Count: > 0 } decision)
            facts.Add(new ReplyFact("decision", $"{decision.Verdict}: " + string.Join(", ", decision.Findings.Select(f => $"{f.RuleId} ({f.Outcome})").Distinct())));
        return new Reply([.. card.Blocks, new FactsBlock(facts)]);
    }

    private async Task<string> EnvironmentsAsync(IEnumerable<string> environments, CancellationToken cancellationToken)
    {
        var text = new StringBuilder();
        foreach (var environment in environments)
        {
            var held = await locks.GetAsync(environment, cancellationToken);
            text.AppendLine(held is null
                ? $"**{environment}**: free"
                : $"**{environment}**: held by {held.HeldBy} since {ChatText.Utc(held.Since)} (promotion `{held.PromotionId}`)");

            var latest = (await promotions.RecentAsync(environment, 1, cancellationToken)).FirstOrDefault();
            if (held is not null && held.PromotionId != latest?.Id)
                latest = await promotions.FindAsync(held.PromotionId, cancellationToken) ?? latest;
            if (latest is null)
            {
                text.AppendLine("- no promotions yet");
                continue;
            }

            text.AppendLine($"- {PromotionText.Line(latest)}");
            text.AppendLine($"- gates: {PromotionText.Gates(latest)}");
        }

        return text.ToString().TrimEnd();
    }
}
