namespace JobSheetQA.Bot.Chat.Replies;

/// <summary>
/// What the bot says, independent of the channel: blocks that each adapter renders (Adaptive Cards, Block Kit).
/// A reply with an <see cref="UpdateKey"/> replaces the earlier message with the same key instead of adding one,
/// so a promotion keeps one status card updated in place.
/// </summary>
public sealed record Reply(IReadOnlyList<ReplyBlock> Blocks, string? UpdateKey = null)
{
    public static Reply Text(string markdown) => new([new TextBlock(markdown)]);
}
