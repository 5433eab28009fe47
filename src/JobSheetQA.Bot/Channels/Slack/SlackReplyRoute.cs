namespace JobSheetQA.Bot.Channels.Slack;

/// <summary>
/// Where the answers to one inbound request go: into the message's thread with <c>chat.postMessage</c>, or through
/// the request's <c>response_url</c> (slash commands, clicks on ephemeral messages), which works even where the bot is
/// not a channel member and can answer only the person who asked.
/// </summary>
/// <param name="Channel">The Slack channel (or DM) id.</param>
/// <param name="ThreadTs">The thread to answer in (<c>thread_ts ?? ts</c>); null posts at the top of the channel.</param>
/// <param name="ResponseUrl">When set, answers go here instead of <c>chat.postMessage</c>.</param>
/// <param name="ResponseType"><c>ephemeral</c> or <c>in_channel</c>, for <paramref name="ResponseUrl"/>.</param>
public sealed record SlackReplyRoute(string Channel, string? ThreadTs, Uri? ResponseUrl = null, string ResponseType = "ephemeral");
