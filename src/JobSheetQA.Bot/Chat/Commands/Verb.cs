namespace JobSheetQA.Bot.Chat.Commands;

/// <summary>One line of the verb table: how a command is typed, what it does and how its words are parsed.</summary>
/// <param name="Name">The first word, matched case-insensitively.</param>
/// <param name="Usage">The syntax shown in help, e.g. <c>promote &lt;staging|production&gt; [skip parity]</c>.</param>
/// <param name="Summary">What the command does, in one line.</param>
/// <param name="Parse">Turns the words after the verb into a command or an error.</param>
public sealed record Verb(string Name, string Usage, string Summary, Func<CommandWords, CommandParseResult> Parse);
