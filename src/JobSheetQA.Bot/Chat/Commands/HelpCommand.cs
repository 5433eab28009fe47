namespace JobSheetQA.Bot.Chat.Commands;

/// <summary><c>help [command]</c>.</summary>
public sealed record HelpCommand(string? Topic) : ChatCommand;
