using JobSheetQA.Bot.Chat.Replies;
using JobSheetQA.Bot.Chat.Turns;

namespace JobSheetQA.Bot.Tests.Channels.Slack.Support;

/// <summary>Answers <c>who said it</c> with the sender the chat layer got, so a test sees whether the adapter vouched for them.</summary>
public sealed class WhoSaidItHandler : IChatTextHandler
{
    public const string Text = "who said it";

    public Task<IReadOnlyList<Reply>?> TryHandleAsync(string text, ChatTurn turn, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<Reply>?>(text == Text
            ? [Reply.Text($"sender {turn.Sender.QualifiedId} verified={turn.Sender.Verified}")]
            : null);
}
