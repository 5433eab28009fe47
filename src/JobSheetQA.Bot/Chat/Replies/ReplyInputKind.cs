namespace JobSheetQA.Bot.Chat.Replies;

public enum ReplyInputKind
{
    Text,
    Toggle,
}
