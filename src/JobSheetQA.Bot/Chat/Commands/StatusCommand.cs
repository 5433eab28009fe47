namespace JobSheetQA.Bot.Chat.Commands;

/// <summary><c>status [env | promotion id]</c>.</summary>
public sealed record StatusCommand(string? Target) : ChatCommand;
