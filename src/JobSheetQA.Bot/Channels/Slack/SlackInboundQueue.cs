using System.Threading.Channels;
using Microsoft.Extensions.Options;

namespace JobSheetQA.Bot.Channels.Slack;

/// <summary>
/// Verified requests waiting to be handled. Slack wants an answer within 3 s, so endpoints only queue the turn and
/// acknowledge; <see cref="SlackInboundWorker"/> does the work. Bounded: when it is full the endpoint answers 503 and
/// Slack delivers again later, instead of the bot taking on more than it can handle.
/// </summary>
public sealed class SlackInboundQueue(IOptions<SlackOptions> options)
{
    private readonly Channel<SlackInboundTurn> turns = Channel.CreateBounded<SlackInboundTurn>(
        new BoundedChannelOptions(options.Value.QueueCapacity) { FullMode = BoundedChannelFullMode.Wait });

    public int Capacity => options.Value.QueueCapacity;

    public bool TryEnqueue(SlackInboundTurn turn) => turns.Writer.TryWrite(turn);

    public ChannelReader<SlackInboundTurn> Reader => turns.Reader;
}
