namespace JobSheetQA.Bot.Chat.Commands;

/// <summary><c>posture [production]</c>: the posture flags and the read-only checklist (runbook §4).</summary>
public sealed record PostureCommand(string Environment) : ChatCommand;
