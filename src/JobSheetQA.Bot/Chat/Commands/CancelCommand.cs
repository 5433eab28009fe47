namespace JobSheetQA.Bot.Chat.Commands;

/// <summary><c>cancel [promotion id]</c>: the requester's own pending or running promotion when no id is given.</summary>
public sealed record CancelCommand(string? PromotionId) : ChatCommand;
