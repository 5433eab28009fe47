namespace JobSheetQA.Bot.Chat.Replies;

/// <summary>
/// Text with the simple formatting every channel can show: <c>**bold**</c>, <c>`code`</c>, <c>[text](url)</c>,
/// lines starting with <c>- </c> as a list, and line breaks. Adapters translate it (Slack writes bold as <c>*bold*</c>).
/// </summary>
public sealed record TextBlock(string Markdown) : ReplyBlock;
