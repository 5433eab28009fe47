using System.Text.Json;
using System.Text.Json.Nodes;
using JobSheetQA.Bot.Chat.Commands;
using JobSheetQA.Bot.Chat.Turns;
using JobSheetQA.Rules.Facts;

namespace JobSheetQA.Bot.Channels.Slack;

/// <summary>
/// Turns verified Slack payloads (Events API, slash commands, interactivity; the same shapes over HTTP and Socket Mode)
/// into channel-neutral messages. Decides what is answered: mentions, direct messages, <c>/promote …</c>, clicks.
/// Bots (this one included), edits and other subtypes are ignored, as Bolt's <c>ignoreSelf</c> does.
/// </summary>
public static class SlackInboundParser
{
    public const string ChannelName = "slack";

    /// <summary>The <c>action_id</c> prefix of a button that sends a command.</summary>
    public const string CommandActionPrefix = "cmd:";

    /// <summary>The <c>action_id</c> of a form's submit button; its value is the form id.</summary>
    public const string SubmitActionId = "form-submit";

    /// <summary>The <c>action_id</c> of a link button (the run link); Slack reports its clicks, nothing is to be done.</summary>
    public const string LinkActionId = "link";

    /// <summary>An Events API body (<c>url_verification</c> or <c>event_callback</c>).</summary>
    public static SlackInboundParse ParseEvent(JsonElement body, string? configuredBotUserId)
    {
        if (body.ValueKind != JsonValueKind.Object)
            return SlackInboundParse.Invalid("the body is not a JSON object");

        switch (Str(body, "type"))
        {
            case "url_verification":
                return Str(body, "challenge") is { } challenge
                    ? SlackInboundParse.Verification(challenge)
                    : SlackInboundParse.Invalid("url_verification without a challenge");
            case "event_callback":
                break;
            case null:
                return SlackInboundParse.Invalid("no type");
            default:
                return SlackInboundParse.Ignore($"body type {Str(body, "type")}");
        }

        if (!body.TryGetProperty("event", out var e) || e.ValueKind != JsonValueKind.Object)
            return SlackInboundParse.Invalid("event_callback without an event");
        var eventId = Str(body, "event_id");
        if (eventId is null)
            return SlackInboundParse.Invalid("event_callback without an event_id");

        var botUserId = configuredBotUserId ?? BotUserIdFrom(body);
        var type = Str(e, "type");
        if (type is not ("app_mention" or "message"))
            return SlackInboundParse.Ignore($"event type {type}");
        if (Str(e, "bot_id") is not null || e.TryGetProperty("bot_profile", out _))
            return SlackInboundParse.Ignore("a bot's message");
        if (Str(e, "subtype") is { } subtype)
            return SlackInboundParse.Ignore($"message subtype {subtype}");

        var user = Str(e, "user");
        var channel = Str(e, "channel");
        var ts = Str(e, "ts");
        var rawText = Str(e, "text") ?? "";
        if (user is null || channel is null || ts is null)
            return SlackInboundParse.Invalid($"{type} without user, channel or ts");
        if (user == botUserId)
            return SlackInboundParse.Ignore("the bot's own message");

        // A channel message is for the bot only when it mentions it (then app_mention brings the same message too);
        // direct messages are always for the bot.
        if (type == "message" && Str(e, "channel_type") != "im" && (botUserId is null || !SlackText.Mentions(rawText, botUserId)))
            return SlackInboundParse.Ignore("a channel message that does not mention the bot");

        var teamId = Str(body, "team_id") ?? Str(e, "team");
        var threadTs = Str(e, "thread_ts") ?? ts;
        // In a shared channel the top-level team_id is the channel's originating workspace; the authorization says which
        // installation of the app the event is for, and user_team whose person wrote it.
        var authorization = body.TryGetProperty("authorizations", out var authorizations) && authorizations.ValueKind == JsonValueKind.Array
            && authorizations.GetArrayLength() > 0 ? authorizations[0] : default;
        var actor = new SlackActor(
            Str(authorization, "team_id") ?? Str(body, "team_id"),
            Str(authorization, "enterprise_id") ?? Str(body, "enterprise_id"),
            Str(e, "user_team") ?? Str(e, "team"),
            body.TryGetProperty("is_ext_shared_channel", out var shared) && shared.ValueKind is JsonValueKind.True or JsonValueKind.False
                ? shared.GetBoolean()
                : null);
        var text = SlackText.Unescape(SlackText.StripBotMention(rawText, botUserId));
        var message = new ChatMessage(
            // Keyed by (channel, ts): the app_mention and the message event of one message are one turn.
            $"message:{channel}:{ts}",
            Address(channel, teamId, botUserId, user, threadTs),
            Sender(user, null),
            text);
        return SlackInboundParse.Queue(new SlackInboundTurn(message, new SlackReplyRoute(channel, threadTs), EventId: eventId), actor);
    }

    /// <summary>A slash command's form fields. The text after the command is the grammar; a bare environment means promote it.</summary>
    /// <param name="form">The fields.</param>
    /// <param name="responseType"><c>Slack:CommandResponseType</c>.</param>
    /// <param name="responseUrls">Where <c>response_url</c> may point; Slack's when null.</param>
    public static SlackInboundParse ParseCommand(IReadOnlyDictionary<string, string> form, string responseType, SlackResponseUrls? responseUrls = null)
    {
        var channel = form.GetValueOrDefault("channel_id");
        var user = form.GetValueOrDefault("user_id");
        var responseUrl = form.GetValueOrDefault("response_url");
        if (string.IsNullOrEmpty(channel) || string.IsNullOrEmpty(user) || string.IsNullOrEmpty(form.GetValueOrDefault("command")))
            return SlackInboundParse.Invalid("a slash command without command, channel_id or user_id");
        if (string.IsNullOrEmpty(responseUrl))
            return SlackInboundParse.Invalid("a slash command without a response_url");
        if ((responseUrls ?? SlackResponseUrls.Slack).Accept(responseUrl) is not { } url)
            return SlackInboundParse.Invalid("response_url is not a Slack address");

        var text = CommandText(form.GetValueOrDefault("text") ?? "");
        var teamId = form.GetValueOrDefault("team_id");
        var inboundId = form.GetValueOrDefault("trigger_id") is { Length: > 0 } trigger ? $"command:{trigger}" : $"command:{Guid.NewGuid():N}";
        var message = new ChatMessage(inboundId, Address(channel, teamId, null, user, null), Sender(user, form.GetValueOrDefault("user_name")), text);
        var actor = new SlackActor(teamId, form.GetValueOrDefault("enterprise_id") is { Length: > 0 } enterprise ? enterprise : null, null, null);
        return SlackInboundParse.Queue(new SlackInboundTurn(message, new SlackReplyRoute(channel, null, url, responseType)), actor);
    }

    /// <summary><c>/promote staging</c> → <c>promote staging</c>; <c>/promote status</c> → <c>status</c> (the text starts with a verb).</summary>
    public static string CommandText(string text)
    {
        var first = text.Split((char[]?)null, 2, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault();
        return first is null || VerbTable.Find(first) is not null ? text : $"promote {text}";
    }

    /// <summary>An interactivity payload. <c>block_actions</c> from the bot's buttons become turns; everything else is acknowledged and ignored.</summary>
    /// <param name="payload">The payload.</param>
    /// <param name="configuredBotUserId"><c>Slack:BotUserId</c>.</param>
    /// <param name="responseUrls">Where <c>response_url</c> may point; Slack's when null.</param>
    public static SlackInboundParse ParseInteraction(JsonElement payload, string? configuredBotUserId, SlackResponseUrls? responseUrls = null)
    {
        if (payload.ValueKind != JsonValueKind.Object)
            return SlackInboundParse.Invalid("the payload is not a JSON object");
        var type = Str(payload, "type");
        if (type is null)
            return SlackInboundParse.Invalid("the payload has no type");
        if (type != "block_actions")
            return SlackInboundParse.Ignore($"interaction type {type}");

        if (!payload.TryGetProperty("actions", out var actions) || actions.ValueKind != JsonValueKind.Array || actions.GetArrayLength() == 0)
            return SlackInboundParse.Invalid("block_actions without actions");
        var action = actions[0];
        var actionId = Str(action, "action_id") ?? "";
        var value = Str(action, "value");

        var user = payload.TryGetProperty("user", out var u) ? Str(u, "id") : null;
        var userName = payload.TryGetProperty("user", out u) ? Str(u, "name") ?? Str(u, "username") : null;
        var team = payload.TryGetProperty("team", out var t) && t.ValueKind == JsonValueKind.Object ? t : default;
        var teamId = Str(team, "id");
        var enterpriseId = (payload.TryGetProperty("enterprise", out var enterprise) ? Str(enterprise, "id") : null) ?? Str(team, "enterprise_id");
        var userTeamId = payload.TryGetProperty("user", out u) ? Str(u, "team_id") : null;
        payload.TryGetProperty("container", out var container);
        payload.TryGetProperty("message", out var original);
        var channel = (payload.TryGetProperty("channel", out var c) && c.ValueKind == JsonValueKind.Object ? Str(c, "id") : null)
            ?? (container.ValueKind == JsonValueKind.Object ? Str(container, "channel_id") : null);
        var responseUrl = Str(payload, "response_url");
        if (user is null || channel is null)
            return SlackInboundParse.Invalid("block_actions without user or channel");
        // Optional, but when given it must be Slack's: the clicked message is replaced and answers are sent through it.
        Uri? url = null;
        if (!string.IsNullOrEmpty(responseUrl) && (url = (responseUrls ?? SlackResponseUrls.Slack).Accept(responseUrl)) is null)
            return SlackInboundParse.Invalid("response_url is not a Slack address");

        string text;
        FormSubmission? form = null;
        string note;
        var title = action.TryGetProperty("text", out var buttonText) && buttonText.ValueKind == JsonValueKind.Object ? Str(buttonText, "text") : null;
        if (actionId.StartsWith(CommandActionPrefix, StringComparison.Ordinal) && !string.IsNullOrEmpty(value))
        {
            text = value;
            note = $"<@{user}> chose *{SlackText.Escape(title ?? value)}*";
        }
        else if (actionId == SubmitActionId && !string.IsNullOrEmpty(value))
        {
            text = "";
            form = new FormSubmission(value, FormValues(payload, value));
            note = $"<@{user}> submitted *{SlackText.Escape(title ?? value)}*";
        }
        else
        {
            return SlackInboundParse.Ignore($"action {actionId}");
        }

        var isEphemeral = container.ValueKind == JsonValueKind.Object && container.TryGetProperty("is_ephemeral", out var eph) && eph.ValueKind == JsonValueKind.True;
        var messageTs = (original.ValueKind == JsonValueKind.Object ? Str(original, "ts") : null)
            ?? (container.ValueKind == JsonValueKind.Object ? Str(container, "message_ts") : null);
        var threadTs = (original.ValueKind == JsonValueKind.Object ? Str(original, "thread_ts") : null) ?? messageTs;
        var route = isEphemeral && url is not null
            ? new SlackReplyRoute(channel, threadTs, url, "ephemeral")
            : new SlackReplyRoute(channel, threadTs);

        // Slack leaves the message out of a click on an ephemeral message (the asker's own copy of an answer to a slash
        // command, e.g. the acknowledgement prompt): it is replaced all the same, by the note alone.
        SlackClickedMessage? clicked = null;
        if (url is not null && original.ValueKind == JsonValueKind.Object && original.TryGetProperty("blocks", out var blocks) && blocks.ValueKind == JsonValueKind.Array)
            clicked = new SlackClickedMessage(url, (JsonArray)JsonNode.Parse(blocks.GetRawText())!, Str(original, "text") ?? "", note, isEphemeral);
        else if (url is not null && isEphemeral)
            clicked = new SlackClickedMessage(url, [], note, note, Ephemeral: true);

        var inboundId = Str(payload, "trigger_id") is { } trigger
            ? $"action:{trigger}"
            : $"action:{channel}:{messageTs}:{Str(action, "action_ts")}";
        var message = new ChatMessage(inboundId, Address(channel, teamId, configuredBotUserId, user, threadTs), Sender(user, userName), text, form);
        return SlackInboundParse.Queue(new SlackInboundTurn(message, route, Clicked: clicked), new SlackActor(teamId, enterpriseId, userTeamId, null));
    }

    /// <summary>
    /// The inputs of form <paramref name="formId"/> from <c>state.values</c>: block ids are <c>{formId}/{inputId}</c>; a text
    /// input gives its value, a checkbox gives the input id when ticked and <c>false</c> when not.
    /// </summary>
    private static Dictionary<string, string> FormValues(JsonElement payload, string formId)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        if (!payload.TryGetProperty("state", out var state) || !state.TryGetProperty("values", out var blocks) || blocks.ValueKind != JsonValueKind.Object)
            return values;

        var prefix = formId + "/";
        foreach (var block in blocks.EnumerateObject())
        {
            if (!block.Name.StartsWith(prefix, StringComparison.Ordinal) || block.Value.ValueKind != JsonValueKind.Object)
                continue;
            var inputId = block.Name[prefix.Length..];
            foreach (var element in block.Value.EnumerateObject())
            {
                var input = element.Value;
                switch (Str(input, "type"))
                {
                    case "checkboxes":
                        var ticked = input.TryGetProperty("selected_options", out var selected) && selected.ValueKind == JsonValueKind.Array
                            && selected.EnumerateArray().Any(option => Str(option, "value") == inputId);
                        values[inputId] = ticked ? inputId : "false";
                        break;
                    default:
                        values[inputId] = Str(input, "value") ?? "";
                        break;
                }
            }
        }

        return values;
    }

    private static string? BotUserIdFrom(JsonElement body)
    {
        if (!body.TryGetProperty("authorizations", out var authorizations) || authorizations.ValueKind != JsonValueKind.Array)
            return null;
        return authorizations.EnumerateArray()
            .Where(a => a.TryGetProperty("is_bot", out var isBot) && isBot.ValueKind == JsonValueKind.True)
            .Select(a => Str(a, "user_id"))
            .FirstOrDefault(id => id is not null);
    }

    private static ConversationAddress Address(string channel, string? teamId, string? botUserId, string user, string? threadTs) =>
        new(ChannelName, channel, TeamId: teamId, TenantId: teamId, BotId: botUserId, UserId: user, ThreadId: threadTs);

    private static RequesterIdentity Sender(string user, string? name) =>
        new(ChannelName, user, string.IsNullOrWhiteSpace(name) ? user : name);

    private static string? Str(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;
}
