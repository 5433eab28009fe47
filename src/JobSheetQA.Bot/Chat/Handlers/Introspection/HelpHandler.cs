using JobSheetQA.Bot.Chat.Commands;
using JobSheetQA.Bot.Chat.Replies;
using JobSheetQA.Bot.Chat.Turns;

namespace JobSheetQA.Bot.Chat.Handlers.Introspection;

/// <summary><c>help [command]</c>: the verb table's own help, with a "did you mean" for a mistyped topic.</summary>
public sealed class HelpHandler : ChatCommandHandler<HelpCommand>
{
    protected override Task<IReadOnlyList<Reply>> HandleAsync(HelpCommand command, ChatTurn turn, CancellationToken cancellationToken)
    {
        if (command.Topic is { } topic && VerbTable.Find(topic) is null && CommandParser.Parse(topic).Suggestion is { } suggestion)
            return Answer($"There is no command \"{topic}\". Did you mean `help {suggestion}`?\n\n{CommandParser.Help()}");

        return Answer(CommandParser.Help(command.Topic));
    }

    private static Task<IReadOnlyList<Reply>> Answer(string text) => Task.FromResult<IReadOnlyList<Reply>>([Reply.Text(text)]);
}
