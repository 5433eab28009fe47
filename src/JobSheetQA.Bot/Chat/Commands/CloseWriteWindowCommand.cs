namespace JobSheetQA.Bot.Chat.Commands;

/// <summary><c>write-window close production</c> (runbook §4.3).</summary>
public sealed record CloseWriteWindowCommand(string Environment) : ChatCommand;
