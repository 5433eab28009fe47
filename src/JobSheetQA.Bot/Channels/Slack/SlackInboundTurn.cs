using JobSheetQA.Bot.Chat.Turns;

namespace JobSheetQA.Bot.Channels.Slack;

/// <summary>
/// One verified request from Slack, normalised and waiting in the queue: the channel-neutral message, where its answers
/// go, the Events API <c>event_id</c> (repeats of it are dropped) and, for a click, the message to replace. A turn with a
/// <paramref name="Refusal"/> is not handed to the chat layer: that text alone goes back, ephemerally, through the
/// route's <c>response_url</c> (<see cref="SlackWorkspaceGate"/>).
/// </summary>
public sealed record SlackInboundTurn(
    ChatMessage Message, SlackReplyRoute Route, string? EventId = null, SlackClickedMessage? Clicked = null, string? Refusal = null);
