namespace JobSheetQA.Bot.Chat.Commands;

/// <summary><c>readiness</c>: the Deployment Readiness Pack (runbook §6.1).</summary>
public sealed record ReadinessCommand : ChatCommand;
