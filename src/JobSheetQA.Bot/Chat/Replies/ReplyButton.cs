namespace JobSheetQA.Bot.Chat.Replies;

/// <summary>
/// A button that sends <paramref name="Command"/> as if the user had typed it (e.g. <c>cancel p-42</c>), so every button
/// goes through the same grammar, checks and audit as a typed command.
/// </summary>
public sealed record ReplyButton(string Title, string Command, ButtonStyle Style = ButtonStyle.Default);
