namespace JobSheetQA.Bot.Chat.Commands;

/// <summary><c>history [env]</c>.</summary>
public sealed record HistoryCommand(string? Environment) : ChatCommand;
