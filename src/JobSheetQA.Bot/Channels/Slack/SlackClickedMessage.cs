using System.Text.Json.Nodes;

namespace JobSheetQA.Bot.Channels.Slack;

/// <summary>
/// The message whose button was clicked: it is replaced (through <c>response_url</c>) by itself without its buttons and
/// inputs plus a line saying who chose what, so the same choice cannot be made twice and the channel sees it was made.
/// </summary>
public sealed record SlackClickedMessage(Uri ResponseUrl, JsonArray Blocks, string Text, string Note);
