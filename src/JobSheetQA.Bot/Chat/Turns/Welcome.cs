using JobSheetQA.Bot.Chat.Commands;
using JobSheetQA.Bot.Chat.Replies;

namespace JobSheetQA.Bot.Chat.Turns;

/// <summary>The hello when the bot joins a conversation: what it does, the commands, and buttons for the common ones.</summary>
public static class Welcome
{
    public static Reply Reply { get; } = new(
    [
        new TextBlock("Hello! I'm **JobSheetQA.Bot**: I check the runbook's policies and run `promotion.yml` for you, then report each gate here."),
        new TextBlock(CommandParser.Help()),
        new ButtonsBlock([new ReplyButton("Promote staging", "promote staging", ButtonStyle.Primary), new ReplyButton("Status", "status"), new ReplyButton("Help", "help")]),
    ]);
}
