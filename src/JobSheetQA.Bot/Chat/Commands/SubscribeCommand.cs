namespace JobSheetQA.Bot.Chat.Commands;

/// <summary><c>subscribe [all]</c>: this conversation receives gate failures, and with <c>all</c> every outcome too.</summary>
public sealed record SubscribeCommand(bool IncludeOutcomes) : ChatCommand;
