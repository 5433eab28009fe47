namespace JobSheetQA.Bot.Chat.Commands;

/// <summary>A command typed in chat, parsed and channel-neutral (design.md §3).</summary>
public abstract record ChatCommand;
