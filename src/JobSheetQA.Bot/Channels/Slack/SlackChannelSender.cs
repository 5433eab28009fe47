using System.Text.Json.Nodes;
using JobSheetQA.Bot.Chat.Outbound;
using JobSheetQA.Bot.Chat.Replies;
using JobSheetQA.Bot.Chat.Turns;

namespace JobSheetQA.Bot.Channels.Slack;

/// <summary>
/// Posts into Slack conversations for <see cref="ConversationPoster"/> and for answers to inbound messages:
/// <c>chat.postMessage</c> in the conversation's thread, <c>chat.update</c> for a message updated in place (the status
/// card). The message id is the message's <c>ts</c> (prefixed with its channel when Slack posted it elsewhere).
/// Blocks Slack refuses (<c>invalid_blocks</c>, <c>msg_too_long</c>) are sent again as plain text so the words still arrive.
/// </summary>
public sealed class SlackChannelSender(SlackWebApi api) : IChannelSender
{
    public string Channel => SlackInboundParser.ChannelName;

    public async Task<ChannelSendResult> SendAsync(ConversationAddress conversation, Reply reply, CancellationToken cancellationToken)
    {
        var result = await PostAsync("chat.postMessage", Body(conversation.ConversationId, conversation.ThreadId, SlackBlockKitRenderer.Render(reply)), reply, cancellationToken);
        if (!result.Ok)
            return Failure(result);

        var channel = result.Str("channel") ?? conversation.ConversationId;
        var ts = result.Str("ts");
        if (ts is null)
            return ChannelSendResult.TransientFailure("chat.postMessage answered without a ts");
        return ChannelSendResult.Sent(channel == conversation.ConversationId ? ts : $"{channel}:{ts}");
    }

    public async Task<ChannelSendResult> UpdateAsync(ConversationAddress conversation, string messageId, Reply reply, CancellationToken cancellationToken)
    {
        var (channel, ts) = Decode(conversation, messageId);
        var body = SlackBlockKitRenderer.Render(reply);
        body["channel"] = channel;
        body["ts"] = ts;
        var result = await PostAsync("chat.update", body, reply, cancellationToken);
        return result.Ok ? ChannelSendResult.Sent(messageId) : Failure(result);
    }

    /// <summary>Posts an answer visible only to <paramref name="user"/> (<c>chat.postEphemeral</c>).</summary>
    public async Task<ChannelSendResult> SendEphemeralAsync(string channel, string user, string? threadTs, Reply reply, CancellationToken cancellationToken)
    {
        var body = Body(channel, threadTs, SlackBlockKitRenderer.Render(reply));
        body["user"] = user;
        var result = await PostAsync("chat.postEphemeral", body, reply, cancellationToken);
        return result.Ok ? ChannelSendResult.Sent(result.Str("message_ts") ?? "") : Failure(result);
    }

    /// <summary>
    /// Answers through a <c>response_url</c>: <paramref name="responseType"/> <c>ephemeral</c> shows it to the person who
    /// asked, <c>in_channel</c> to everyone; <paramref name="replaceOriginal"/> replaces the message that was clicked.
    /// </summary>
    public async Task<ChannelSendResult> RespondAsync(Uri responseUrl, JsonObject message, string responseType, bool replaceOriginal, CancellationToken cancellationToken)
    {
        message["response_type"] = responseType;
        message["replace_original"] = replaceOriginal;
        var result = await api.RespondAsync(responseUrl, message, cancellationToken);
        return result.Ok ? ChannelSendResult.Sent("response_url") : Failure(result);
    }

    private async Task<SlackApiResult> PostAsync(string method, JsonObject body, Reply reply, CancellationToken cancellationToken)
    {
        var result = await api.CallAsync(method, body, cancellationToken);
        if (result.Ok || result.Error is not ("invalid_blocks" or "invalid_blocks_format" or "msg_too_long"))
            return result;

        // The words matter more than the layout: try once more with the plain-text rendering alone.
        body.Remove("blocks");
        body["text"] = SlackBlockKitRenderer.FallbackText(reply);
        return await api.CallAsync(method, body, cancellationToken);
    }

    private static JsonObject Body(string channel, string? threadTs, JsonObject message)
    {
        message["channel"] = channel;
        if (threadTs is not null)
            message["thread_ts"] = threadTs;
        return message;
    }

    private static (string Channel, string Ts) Decode(ConversationAddress conversation, string messageId)
    {
        var colon = messageId.IndexOf(':', StringComparison.Ordinal);
        return colon < 0 ? (conversation.ConversationId, messageId) : (messageId[..colon], messageId[(colon + 1)..]);
    }

    private static ChannelSendResult Failure(SlackApiResult result) =>
        result.Permanent
            ? ChannelSendResult.PermanentFailure($"slack: {result.Error}")
            : ChannelSendResult.TransientFailure($"slack: {result.Error}");
}
