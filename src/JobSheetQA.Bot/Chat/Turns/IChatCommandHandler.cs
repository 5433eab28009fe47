using JobSheetQA.Bot.Chat.Commands;
using JobSheetQA.Bot.Chat.Replies;

namespace JobSheetQA.Bot.Chat.Turns;

/// <summary>Answers one kind of parsed command. One handler per command type; <see cref="ChatTurnHandler"/> routes to it.</summary>
public interface IChatCommandHandler
{
    Type CommandType { get; }

    Task<IReadOnlyList<Reply>> HandleAsync(ChatCommand command, ChatTurn turn, CancellationToken cancellationToken);
}

/// <summary>Base for a handler of <typeparamref name="TCommand"/>.</summary>
public abstract class ChatCommandHandler<TCommand> : IChatCommandHandler
    where TCommand : ChatCommand
{
    public Type CommandType => typeof(TCommand);

    public Task<IReadOnlyList<Reply>> HandleAsync(ChatCommand command, ChatTurn turn, CancellationToken cancellationToken) =>
        HandleAsync((TCommand)command, turn, cancellationToken);

    protected abstract Task<IReadOnlyList<Reply>> HandleAsync(TCommand command, ChatTurn turn, CancellationToken cancellationToken);
}
