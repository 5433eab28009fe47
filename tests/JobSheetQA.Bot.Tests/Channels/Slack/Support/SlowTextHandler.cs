using JobSheetQA.Bot.Chat.Replies;
using JobSheetQA.Bot.Chat.Turns;

namespace JobSheetQA.Bot.Tests.Channels.Slack.Support;

/// <summary>Takes four seconds to answer <c>slow please</c>: longer than Slack waits for an acknowledgement.</summary>
public sealed class SlowTextHandler : IChatTextHandler
{
    public const string Text = "slow please";
    public static readonly TimeSpan Delay = TimeSpan.FromSeconds(4);

    public async Task<IReadOnlyList<Reply>?> TryHandleAsync(string text, ChatTurn turn, CancellationToken cancellationToken)
    {
        if (text != Text)
            return null;
        await Task.Delay(Delay, cancellationToken);
        return [Reply.Text("done, slowly")];
    }
}
