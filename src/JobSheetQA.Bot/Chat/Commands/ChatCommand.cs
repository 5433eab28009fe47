namespace JobSheetQA.Bot.Chat.Commands;

/// <summary>A command typed in chat, parsed and channel-neutral; the grammar is <see cref="VerbTable"/>.</summary>
public abstract record ChatCommand;
