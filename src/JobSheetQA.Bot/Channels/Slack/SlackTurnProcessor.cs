using System.Text.Json.Nodes;
using JobSheetQA.Bot.Channels.Inbound;
using JobSheetQA.Bot.Chat.Replies;
using JobSheetQA.Bot.Chat.Turns;

namespace JobSheetQA.Bot.Channels.Slack;

/// <summary>
/// Handles one stored Slack turn (<see cref="SlackInboundQueue"/>; repeats were refused when it was stored): answers a
/// refused one with its refusal only (<see cref="SlackWorkspaceGate"/>), replaces a clicked message so its buttons
/// cannot be pressed twice, hands the message to <see cref="ChatTurnHandler"/> and sends the answers where the request
/// wants them.
/// </summary>
public sealed class SlackTurnProcessor(ChatTurnHandler turns, SlackChannelSender sender) : IInboundTurnProcessor
{
    public string Channel => SlackInboundParser.ChannelName;

    public async Task<object?> ProcessAsync(InboundTurn turn, CancellationToken cancellationToken)
    {
        await ProcessAsync(SlackInboundQueue.Deserialize(turn.Payload), cancellationToken);
        return null;
    }

    public async Task GiveUpAsync(InboundTurn turn, CancellationToken cancellationToken)
    {
        var stored = SlackInboundQueue.Deserialize(turn.Payload);
        await AnswerAsync(stored, Reply.Text(ChatTurnHandler.CouldNotProcess), cancellationToken);
    }

    public async Task ProcessAsync(SlackInboundTurn turn, CancellationToken cancellationToken)
    {
        // Refused by SlackWorkspaceGate: only the refusal goes back, to the asker alone; the chat layer never sees it.
        if (turn.Refusal is { } refusal)
        {
            if (turn.Route.ResponseUrl is { } refusalUrl)
                await sender.RespondAsync(refusalUrl, new JsonObject { ["text"] = refusal }, "ephemeral", replaceOriginal: false, cancellationToken);
            return;
        }

        if (turn.Clicked is { } clicked)
            await sender.RespondAsync(clicked.ResponseUrl, WithoutControls(clicked), clicked.Ephemeral ? "ephemeral" : "in_channel", replaceOriginal: true, cancellationToken);

        var result = await turns.HandleAcceptedAsync(turn.Message, cancellationToken);
        foreach (var reply in result.Replies)
            await AnswerAsync(turn, reply, cancellationToken);
    }

    private async Task AnswerAsync(SlackInboundTurn turn, Reply reply, CancellationToken cancellationToken)
    {
        var route = turn.Route;
        if (route.ResponseUrl is { } url)
        {
            var sent = await sender.RespondAsync(url, SlackBlockKitRenderer.Render(reply), route.ResponseType, replaceOriginal: false, cancellationToken);
            // An expired or used-up response_url: the asker still gets the answer, privately.
            if (!sent.Succeeded && turn.Message.Sender.UserId is { } user)
                await sender.SendEphemeralAsync(route.Channel, user, route.ThreadTs, reply, cancellationToken);
            return;
        }

        await sender.SendAsync(turn.Message.Conversation with { ConversationId = route.Channel, ThreadId = route.ThreadTs }, reply, cancellationToken);
    }

    /// <summary>
    /// The clicked message as it was, minus its buttons and inputs, plus who chose what. The blocks come back inside the
    /// request, so they are not trusted: anything that is not a block object with a string <c>type</c> is left out.
    /// </summary>
    internal static JsonObject WithoutControls(SlackClickedMessage clicked)
    {
        var blocks = new JsonArray();
        foreach (var block in clicked.Blocks)
        {
            if (block is not JsonObject item || TypeOf(item) is not { } type)
                continue;
            // Inputs and buttons go; a row of links only (the run link) stays.
            if (type is "input" || (type is "actions" && !OnlyLinks(item)))
                continue;
            blocks.Add(item.DeepClone());
        }

        blocks.Add(new JsonObject
        {
            ["type"] = "context",
            ["elements"] = new JsonArray(new JsonObject { ["type"] = "mrkdwn", ["text"] = clicked.Note }),
        });
        return new JsonObject { ["text"] = clicked.Text, ["blocks"] = blocks };
    }

    private static string? TypeOf(JsonObject block) =>
        block["type"] is JsonValue value && value.TryGetValue(out string? type) ? type : null;

    private static bool OnlyLinks(JsonObject actions) =>
        actions["elements"] is JsonArray elements && elements.All(element => element is JsonObject button && button["url"] is not null);
}
