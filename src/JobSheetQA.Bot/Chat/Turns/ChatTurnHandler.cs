using JobSheetQA.Bot.Chat.Commands;
using JobSheetQA.Bot.Chat.Outbound;
using JobSheetQA.Bot.Chat.Replies;
using JobSheetQA.Bot.Hosting.Telemetry;
using JobSheetQA.Bot.Storage;

namespace JobSheetQA.Bot.Chat.Turns;

/// <summary>
/// The channel-neutral entry point for every inbound message (docs/architecture.md: adapter → Chat → Promotions …).
/// It ignores repeated deliveries, stores the conversation so jobs can post into it later, and routes the message:
/// a form submission to the form's handler; a command to its handler; other text to open dialogs (a typed
/// acknowledgement) and, when none wants it, to help with a "did you mean". Never silence. A reply that will be
/// updated later (it has an update key) is posted here, once, so later updates find it; the adapter sends the rest.
/// </summary>
public sealed class ChatTurnHandler
{
    private readonly IReadOnlyDictionary<Type, IChatCommandHandler> commandHandlers;
    private readonly IReadOnlyList<IChatFormHandler> formHandlers;
    private readonly IReadOnlyList<IChatTextHandler> textHandlers;
    private readonly InboundDeduplicator deduplicator;
    private readonly ConversationStore conversations;
    private readonly ConversationPoster poster;
    private readonly TimeProvider time;
    private readonly BotMetrics metrics;
    private readonly ILogger<ChatTurnHandler> logger;

    public ChatTurnHandler(
        IEnumerable<IChatCommandHandler> commandHandlers,
        IEnumerable<IChatFormHandler> formHandlers,
        IEnumerable<IChatTextHandler> textHandlers,
        InboundDeduplicator deduplicator,
        ConversationStore conversations,
        ConversationPoster poster,
        TimeProvider time,
        BotMetrics metrics,
        ILogger<ChatTurnHandler> logger)
    {
        this.commandHandlers = commandHandlers.ToDictionary(h => h.CommandType);
        this.formHandlers = formHandlers.ToList();
        this.textHandlers = textHandlers.ToList();
        this.deduplicator = deduplicator;
        this.conversations = conversations;
        this.poster = poster;
        this.time = time;
        this.metrics = metrics;
        this.logger = logger;
    }

    /// <summary>Command types that have a handler (a test checks every verb has one).</summary>
    public IReadOnlyCollection<Type> HandledCommandTypes => commandHandlers.Keys.ToList();

    /// <summary>What the asker is told when their turn could not be handled after every attempt.</summary>
    public const string CouldNotProcess =
        "I could not process your message: something went wrong on my side, several times. Nothing more will happen with it; please try again, and if it keeps failing tell the bot's operators.";

    /// <summary>Handles a message the adapter has not de-duplicated: a repeated delivery is answered as a duplicate.</summary>
    public async Task<ChatTurnResult> HandleAsync(ChatMessage message, CancellationToken cancellationToken = default)
    {
        if (!await deduplicator.TryMarkProcessedAsync(message.Conversation.Channel, message.InboundId, time.GetUtcNow(), cancellationToken))
        {
            ChatLog.RepeatedDelivery(logger, message.InboundId, message.Conversation.Channel);
            metrics.Turn(message.Conversation.Channel, "duplicate");
            return ChatTurnResult.Duplicate;
        }

        return await HandleAcceptedAsync(message, cancellationToken);
    }

    /// <summary>
    /// Handles a message the adapter has already de-duplicated, when it stored the turn in the durable inbound queue
    /// (<c>InboundTurnStore</c>). It may run again for the same message when a worker died mid-turn: replies with an
    /// update key are posted under keys of the message, so they are not posted twice. Every handled turn is one
    /// <c>chat.turn</c> span and one count of <c>jobsheetqa.turns</c>.
    /// </summary>
    public async Task<ChatTurnResult> HandleAcceptedAsync(ChatMessage message, CancellationToken cancellationToken = default)
    {
        using var span = BotTelemetry.Chat.StartActivity("chat.turn");
        span?.SetTag("chat.channel", message.Conversation.Channel);
        var outcome = "failed";
        try
        {
            var now = time.GetUtcNow();
            var conversationId = await conversations.UpsertReferenceAsync(ConversationAddresses.ToEntity(message.Conversation), now, cancellationToken);
            var turn = new ChatTurn(message, conversationId, now);
            var replies = await RouteAsync(turn, cancellationToken);
            var result = ChatTurnResult.Answered(await PostUpdatableAsync(turn, replies, cancellationToken));
            outcome = "answered";
            return result;
        }
        finally
        {
            span?.SetTag("chat.outcome", outcome);
            metrics.Turn(message.Conversation.Channel, outcome);
        }
    }

    /// <summary>Posts each reply with an update key through the poster (so its later updates replace it); returns the others.</summary>
    private async Task<IReadOnlyList<Reply>> PostUpdatableAsync(ChatTurn turn, IReadOnlyList<Reply> replies, CancellationToken cancellationToken)
    {
        if (replies.All(r => r.UpdateKey is null))
            return replies;

        var rest = new List<Reply>();
        for (var i = 0; i < replies.Count; i++)
        {
            if (replies[i].UpdateKey is not { } updateKey)
            {
                rest.Add(replies[i]);
                continue;
            }

            var key = $"turn:{turn.Conversation.Channel}:{turn.Message.InboundId}:{i}";
            var posted = await poster.PostAsync(turn.ConversationReferenceId, replies[i], key, "turn-reply", cancellationToken: cancellationToken);
            if (!posted.Delivered)
                ChatLog.TurnPostFailed(logger, turn.Message.InboundId, updateKey, posted.Outcome, posted.Error);
        }

        return rest;
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
