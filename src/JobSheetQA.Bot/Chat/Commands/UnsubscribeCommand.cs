namespace JobSheetQA.Bot.Chat.Commands;

/// <summary><c>unsubscribe</c>: stop channel notifications here.</summary>
public sealed record UnsubscribeCommand : ChatCommand;
