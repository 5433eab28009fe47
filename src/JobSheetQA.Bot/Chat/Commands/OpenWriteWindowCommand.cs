namespace JobSheetQA.Bot.Chat.Commands;

/// <summary><c>write-window open production CR-123 for 2h</c> (runbook §4.3).</summary>
/// <param name="ChangeRequest">The change request id exactly as typed.</param>
public sealed record OpenWriteWindowCommand(string Environment, string ChangeRequest, TimeSpan Duration) : ChatCommand;
