using System.Text.Json;
using JobSheetQA.Bot.Chat.Commands;
using JobSheetQA.Bot.Chat.Replies;
using JobSheetQA.Bot.Chat.Turns;
using JobSheetQA.Bot.Storage;

namespace JobSheetQA.Bot.Chat.Handlers.Subscriptions;

/// <summary><c>subscribe [all]</c>: this conversation receives gate failures from now on, and with <c>all</c> every outcome too.</summary>
public sealed class SubscribeHandler(ConversationStore conversations, AuditLog audit) : ChatCommandHandler<SubscribeCommand>
{
    protected override async Task<IReadOnlyList<Reply>> HandleAsync(SubscribeCommand command, ChatTurn turn, CancellationToken cancellationToken)
    {
        var before = (await conversations.SubscriptionsAsync(cancellationToken: cancellationToken))
            .FirstOrDefault(s => s.ConversationReferenceId == turn.ConversationReferenceId);
        await conversations.SubscribeAsync(turn.ConversationReferenceId, command.IncludeOutcomes, turn.Now, cancellationToken);
        await audit.AppendAsync(new AuditEntry(turn.Now, Actor.Of(turn.Sender), "subscription.subscribed", Details: JsonSerializer.Serialize(new
        {
            conversation = turn.ConversationReferenceId,
            includeOutcomes = command.IncludeOutcomes,
            by = turn.Sender.QualifiedId,
        })), cancellationToken);

        var what = command.IncludeOutcomes
            ? "gate failures and every promotion outcome (succeeded, failed, cancelled)"
            : "gate failures (with the run link, and for the Parity Gate the violations)";
        var change = before is null ? "Subscribed" : before.IncludeOutcomes == command.IncludeOutcomes ? "Already subscribed" : "Subscription changed";
        var hint = command.IncludeOutcomes ? "`subscribe` alone keeps only failures" : "`subscribe all` adds every outcome";
        return [Reply.Text($"{change}: this conversation receives {what}. {hint}; `unsubscribe` stops them.")];
    }
}
