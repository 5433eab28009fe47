using JobSheetQA.Bot.Chat.Commands;
using JobSheetQA.Bot.Chat.Replies;
using JobSheetQA.Bot.Storage;

namespace JobSheetQA.Bot.Chat.Turns;

/// <summary>
/// The channel-neutral entry point for every inbound message (design.md §2: adapter → Chat → Promotions …).
/// It ignores repeated deliveries, stores the conversation so jobs can post into it later, and routes the message:
/// a form submission to the form's handler; a command to its handler; other text to open dialogs (a typed
/// acknowledgement) and, when none wants it, to help with a "did you mean". Never silence.
/// </summary>
public sealed class ChatTurnHandler
{
    private readonly IReadOnlyDictionary<Type, IChatCommandHandler> commandHandlers;
    private readonly IReadOnlyList<IChatFormHandler> formHandlers;
    private readonly IReadOnlyList<IChatTextHandler> textHandlers;
    private readonly InboundDeduplicator deduplicator;
    private readonly ConversationStore conversations;
    private readonly TimeProvider time;
    private readonly ILogger<ChatTurnHandler> logger;

    public ChatTurnHandler(
        IEnumerable<IChatCommandHandler> commandHandlers,
        IEnumerable<IChatFormHandler> formHandlers,
        IEnumerable<IChatTextHandler> textHandlers,
        InboundDeduplicator deduplicator,
        ConversationStore conversations,
        TimeProvider time,
        ILogger<ChatTurnHandler> logger)
    {
        this.commandHandlers = commandHandlers.ToDictionary(h => h.CommandType);
        this.formHandlers = formHandlers.ToList();
        this.textHandlers = textHandlers.ToList();
        this.deduplicator = deduplicator;
        this.conversations = conversations;
        this.time = time;
        this.logger = logger;
    }

    /// <summary>Command types that have a handler (a test checks every verb has one).</summary>
    public IReadOnlyCollection<Type> HandledCommandTypes => commandHandlers.Keys.ToList();

    public async Task<ChatTurnResult> HandleAsync(ChatMessage message, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        if (!await deduplicator.TryMarkProcessedAsync(message.Conversation.Channel, message.InboundId, now, cancellationToken))
        {
            logger.LogInformation("Ignored repeated delivery {InboundId} on {Channel}", message.InboundId, message.Conversation.Channel);
            return ChatTurnResult.Duplicate;
        }

        var conversationId = await conversations.UpsertReferenceAsync(ConversationAddresses.ToEntity(message.Conversation), now, cancellationToken);
        var turn = new ChatTurn(message, conversationId, now);
        return ChatTurnResult.Answered(await RouteAsync(turn, cancellationToken));
    }

    private async Task<IReadOnlyList<Reply>> RouteAsync(ChatTurn turn, CancellationToken cancellationToken)
    {
        if (turn.Message.Form is { } form)
        {
            var formHandler = formHandlers.FirstOrDefault(h => h.CanHandle(form.FormId));
            return formHandler is null
                ? [Reply.Text("That form is no longer open. Type `help` to see what I can do.")]
                : await formHandler.HandleAsync(form, turn, cancellationToken);
        }

        var parsed = CommandParser.Parse(turn.Message.Text);
        if (parsed.Command is { } command)
        {
            // Every command type has a handler (a test checks it against the grammar), so a miss is a wiring bug.
            var handler = commandHandlers.GetValueOrDefault(command.GetType())
                ?? throw new InvalidOperationException($"No chat handler is registered for {command.GetType().Name}.");
            return await handler.HandleAsync(command, turn, cancellationToken);
        }

        foreach (var textHandler in textHandlers)
        {
            if (await textHandler.TryHandleAsync(turn.Message.Text, turn, cancellationToken) is { } replies)
                return replies;
        }

        var didYouMean = parsed.Suggestion is null ? "" : $" Did you mean `{parsed.Suggestion}`?";
        return [Reply.Text($"{parsed.Error}{didYouMean}\n\n{CommandParser.Help()}")];
    }
}
