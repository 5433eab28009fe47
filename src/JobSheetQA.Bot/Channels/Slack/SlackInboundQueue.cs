using System.Text.Json;
using JobSheetQA.Bot.Channels.Inbound;
using JobSheetQA.Bot.Storage;
using Microsoft.Extensions.Options;

namespace JobSheetQA.Bot.Channels.Slack;

/// <summary>
/// Verified Slack requests, stored in the durable inbound queue (<see cref="InboundTurnQueue"/>) before Slack is
/// acknowledged; <see cref="SlackTurnProcessor"/> handles them later, after a restart too. The stored turn is the one the
/// parser and <see cref="SlackWorkspaceGate"/> derived from the signed request, identity included. A redelivered event
/// (same <c>event_id</c>, or the same message under another event) is not stored twice. Bounded: when
/// <c>Slack:QueueCapacity</c> turns are waiting the endpoint answers 503 and Slack delivers again later.
/// </summary>
public sealed class SlackInboundQueue(InboundTurnQueue queue, IOptions<SlackOptions> options)
{
    public int Capacity => options.Value.QueueCapacity;

    public Task<InboundAcceptance> EnqueueAsync(SlackInboundTurn turn, CancellationToken cancellationToken)
    {
        var messageId = turn.Message.InboundId;
        var acceptance = turn.EventId is { } eventId
            ? new InboundTurnAcceptance(SlackInboundParser.ChannelName, $"event:{eventId}", ConversationKey(turn), Serialize(turn), [messageId])
            : new InboundTurnAcceptance(SlackInboundParser.ChannelName, messageId, ConversationKey(turn), Serialize(turn));
        return queue.AcceptAsync(acceptance, Capacity, cancellationToken);
    }

    internal static string Serialize(SlackInboundTurn turn) => JsonSerializer.Serialize(turn, Json);

    internal static SlackInboundTurn Deserialize(string payload) =>
        JsonSerializer.Deserialize<SlackInboundTurn>(payload, Json) ?? throw new JsonException("The stored Slack turn is empty.");

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>One Slack channel (or DM) is one conversation: its turns are handled in the order they came.</summary>
    private static string ConversationKey(SlackInboundTurn turn) => $"slack:{turn.Route.Channel}";
}
