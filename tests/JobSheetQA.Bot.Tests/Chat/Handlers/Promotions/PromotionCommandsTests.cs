using JobSheetQA.Bot.Chat.Commands;
using JobSheetQA.Bot.Chat.Promotions;
using JobSheetQA.Bot.Chat.Turns;
using JobSheetQA.Bot.Tests.Chat.Support;

namespace JobSheetQA.Bot.Tests.Chat.Handlers.Promotions;

public sealed class PromotionCommandsTests
{
    [Fact]
    public async Task The_promotion_verbs_are_answered_by_the_promotions_module()
    {
        await using var chat = ChatTestHost.Start();

        var handled = chat.Get<ChatTurnHandler>().HandledCommandTypes;

        Assert.Contains(typeof(PromoteCommand), handled);
        Assert.Contains(typeof(CancelCommand), handled);
        Assert.Contains(typeof(StatusCommand), handled);
        Assert.Contains(typeof(HistoryCommand), handled);
    }

    [Fact]
    public void The_acknowledgement_form_is_named_after_its_acknowledgement() =>
        Assert.Equal("ack:4f2a", AcknowledgementForm.FormId("4f2a"));

    [Theory]
    [InlineData("", "—")]
    [InlineData("9f2c4e1", "9f2c4e1")]
    [InlineData("9f2c4e1a7b3d5c6e8f0a1b2c3d4e5f60718293a4", "9f2c4e1")]
    public void Commits_read_as_seven_characters_and_an_unknown_one_as_a_dash(string sha, string shown) =>
        Assert.Equal(shown, PromotionText.Commit(sha));
}
