namespace JobSheetQA.Bot.Chat.Commands;

/// <summary><c>whoami</c>: the identity the bot resolved and where it may promote.</summary>
public sealed record WhoAmICommand : ChatCommand;
