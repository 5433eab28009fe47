using System.Text.Json.Nodes;

namespace JobSheetQA.Bot.Channels.Slack;

/// <summary>
/// The message whose button was clicked: it is replaced (through <c>response_url</c>) by itself without its buttons and
/// inputs plus a line saying who chose what, so the same choice cannot be made twice and the channel sees it was made.
/// An ephemeral message (only its asker sees it; Slack does not send its blocks) is replaced by that line alone.
/// </summary>
/// <param name="ResponseUrl">The click's <c>response_url</c>: <c>replace_original</c> through it replaces the message.</param>
/// <param name="Blocks">The message's blocks as Slack sent them; empty for an ephemeral message.</param>
/// <param name="Text">The message's fallback text.</param>
/// <param name="Note">Who chose what, in mrkdwn.</param>
/// <param name="Ephemeral">True for an ephemeral message: its replacement stays ephemeral.</param>
public sealed record SlackClickedMessage(Uri ResponseUrl, JsonArray Blocks, string Text, string Note, bool Ephemeral = false);
