namespace JobSheetQA.Bot.Chat.Commands;

/// <summary><c>policy [rule id]</c>: the rule catalogue, or one rule.</summary>
public sealed record PolicyCommand(string? RuleId) : ChatCommand;
