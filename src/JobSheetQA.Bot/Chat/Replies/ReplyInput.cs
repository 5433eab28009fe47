namespace JobSheetQA.Bot.Chat.Replies;

/// <summary>One input of a <see cref="FormBlock"/>.</summary>
/// <param name="Id">The key its value is submitted under.</param>
/// <param name="Label">What the user reads next to it.</param>
/// <param name="Kind">A text box or a yes/no toggle.</param>
/// <param name="Placeholder">Hint text for an empty text box.</param>
public sealed record ReplyInput(string Id, string Label, ReplyInputKind Kind, string? Placeholder = null);
