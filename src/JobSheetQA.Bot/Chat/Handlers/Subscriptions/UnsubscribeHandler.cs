using System.Text.Json;
using JobSheetQA.Bot.Chat.Commands;
using JobSheetQA.Bot.Chat.Replies;
using JobSheetQA.Bot.Chat.Turns;
using JobSheetQA.Bot.Storage;

namespace JobSheetQA.Bot.Chat.Handlers.Subscriptions;

/// <summary><c>unsubscribe</c>: stop channel notifications in this conversation (promotions started here still report here).</summary>
public sealed class UnsubscribeHandler(ConversationStore conversations, AuditLog audit) : ChatCommandHandler<UnsubscribeCommand>
{
    protected override async Task<IReadOnlyList<Reply>> HandleAsync(UnsubscribeCommand command, ChatTurn turn, CancellationToken cancellationToken)
    {
        if (!await conversations.UnsubscribeAsync(turn.ConversationReferenceId, cancellationToken))
            return [Reply.Text("This conversation was not subscribed; nothing to stop. `subscribe` starts gate-failure notifications.")];

        await audit.AppendAsync(new AuditEntry(turn.Now, Actor.Of(turn.Sender), "subscription.unsubscribed", Details: JsonSerializer.Serialize(new
        {
            conversation = turn.ConversationReferenceId,
            by = turn.Sender.QualifiedId,
        })), cancellationToken);
        return [Reply.Text("Unsubscribed: this conversation no longer receives channel notifications. Promotions started here still report here.")];
    }
}
