namespace JobSheetQA.Bot.Chat.Commands;

/// <summary><c>verify staging</c>: record the staging verification checklist (runbook §3.1 steps 3–4).</summary>
public sealed record VerifyCommand(string Environment) : ChatCommand;
