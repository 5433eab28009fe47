using System.Text.Json;
using JobSheetQA.Bot.Channels.Teams.Activities;
using JobSheetQA.Bot.Chat.Commands;
using JobSheetQA.Bot.Chat.Outbound;
using JobSheetQA.Bot.Chat.Replies;
using JobSheetQA.Bot.Chat.Turns;
using JobSheetQA.Bot.Storage;

namespace JobSheetQA.Bot.Channels.Teams;

/// <summary>
/// Acts on one authenticated activity (research/chat-protocols.md §A2–A3): messages and card submissions become a
/// <see cref="ChatMessage"/> for <see cref="ChatTurnHandler"/> and its replies go back as replies to the activity; an
/// <c>adaptiveCard/action</c> invoke (Action.Execute) is a form submission answered in the HTTP response as well;
/// installing the bot stores the conversation and welcomes once; removing it forgets the conversation. Other activity
/// types are acknowledged and ignored. Knows nothing about promotions.
/// </summary>
public sealed class TeamsActivityProcessor(
    ChatTurnHandler turns,
    ConversationStore conversations,
    ConversationPoster poster,
    InboundDeduplicator deduplicator,
    TeamsChannelSender sender,
    TimeProvider time,
    ILogger<TeamsActivityProcessor> logger)
{
    /// <summary>Handles the activity; returns the invoke response to send, or null for a plain 200.</summary>
    public async Task<InvokeResponse?> ProcessAsync(Activity activity, CancellationToken cancellationToken)
    {
        switch (activity.Type)
        {
            case ActivityTypes.Message when activity.Conversation?.Id is not null:
                await OnMessageAsync(activity, cancellationToken);
                return null;
            case ActivityTypes.Invoke when activity.Name == ActivityTypes.AdaptiveCardActionInvoke && activity.Conversation?.Id is not null:
                return await OnAdaptiveCardActionAsync(activity, cancellationToken);
            case ActivityTypes.Invoke:
                return InvokeResponse.NotImplemented;
            case ActivityTypes.ConversationUpdate when activity.Conversation?.Id is not null:
                if (TeamsActivityReader.IncludesBot(activity, activity.MembersAdded))
                    await OnInstalledAsync(activity, cancellationToken);
                else if (TeamsActivityReader.IncludesBot(activity, activity.MembersRemoved))
                    await OnRemovedAsync(activity, cancellationToken);
                return null;
            case ActivityTypes.InstallationUpdate when activity.Conversation?.Id is not null:
                if (activity.Action == "add")
                    await OnInstalledAsync(activity, cancellationToken);
                else if (activity.Action == "remove")
                    await OnRemovedAsync(activity, cancellationToken);
                return null;
            default:
                return null;
        }
    }

    private async Task OnMessageAsync(Activity activity, CancellationToken cancellationToken)
    {
        var text = TeamsActivityReader.TextWithoutBotMention(activity);
        FormSubmission? form = null;
        // An Action.Submit arrives as a message without text whose value holds the button's data and the inputs.
        if (string.IsNullOrWhiteSpace(text) && CardSubmission.Read(activity.Value) is { } submission)
        {
            form = submission.Form;
            text = submission.Command ?? "";
        }

        await HandleTurnAsync(activity, text, form, cancellationToken);
    }

    private async Task<InvokeResponse> OnAdaptiveCardActionAsync(Activity activity, CancellationToken cancellationToken)
    {
        if (activity.Value is not { ValueKind: JsonValueKind.Object } value
            || !value.TryGetProperty("action", out var action) || action.ValueKind != JsonValueKind.Object)
            return InvokeResponse.Error(StatusCodes.Status400BadRequest, "BadRequest", "The invoke has no value.action.");

        var type = action.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;
        if (type != "Action.Execute")
            return InvokeResponse.Error(StatusCodes.Status400BadRequest, "NotSupported", $"The action '{type}' is not supported as an invoke; only Action.Execute is.");

        // An automatic refresh asks for an up-to-date card; this bot's cards ask for none, so there is nothing to run.
        if (value.TryGetProperty("trigger", out var trigger) && trigger.ValueKind == JsonValueKind.String && trigger.GetString() == "automatic")
            return InvokeResponse.Message("");

        var data = action.TryGetProperty("data", out var d) ? d : (JsonElement?)null;
        if (CardSubmission.Read(data) is not { } submission)
            return InvokeResponse.Error(StatusCodes.Status400BadRequest, "BadRequest", "The action carries neither a form id nor a command.");

        var replies = await HandleTurnAsync(activity, submission.Command ?? "", submission.Form, cancellationToken);
        var first = replies.Count == 0 ? "" : PlainTextReplyRenderer.Render(replies[0]);
        var firstLine = first.Split('\n', 2)[0];
        return InvokeResponse.Message(firstLine.Length > 0 ? firstLine : "Done.");
    }

    private async Task<IReadOnlyList<Reply>> HandleTurnAsync(Activity activity, string text, FormSubmission? form, CancellationToken cancellationToken)
    {
        var address = TeamsActivityReader.Address(activity);
        // An activity always has an id in Teams; without one it cannot be de-duplicated, so it is handled as new.
        var inboundId = activity.Id is { Length: > 0 } id ? id : $"no-id:{Guid.NewGuid():N}";
        var message = new ChatMessage(inboundId, address, TeamsActivityReader.Requester(activity), text, form);
        var result = await turns.HandleAsync(message, cancellationToken);
        if (result.WasDuplicate)
            return [];

        long? referenceId = null;
        for (var i = 0; i < result.Replies.Count; i++)
        {
            var reply = result.Replies[i];
            if (reply.UpdateKey is not null)
            {
                // A reply that is updated later (a status card) is posted through the poster so the update finds it.
                referenceId ??= (await conversations.FindReferenceAsync(address.Channel, address.ConversationId, cancellationToken))?.Id;
                if (referenceId is { } reference)
                {
                    var posted = await poster.PostAsync(reference, reply, $"teams-turn:{inboundId}:{i}", "turn-reply", cancellationToken: cancellationToken);
                    if (!posted.Delivered)
                        TeamsLog.ReplyFailed(logger, activity.Id, posted.Outcome.ToString(), posted.Error);
                    continue;
                }
            }

            var sent = activity.Id is { Length: > 0 } replyTo
                ? await sender.ReplyAsync(address, replyTo, reply, cancellationToken)
                : await sender.SendAsync(address, reply, cancellationToken);
            if (!sent.Succeeded)
                TeamsLog.ReplyFailed(logger, activity.Id, sent.Status.ToString(), sent.Error);
        }

        return result.Replies;
    }

    /// <summary>Stores the conversation and, when it was not known before, says hello once (§A2 installs).</summary>
    private async Task OnInstalledAsync(Activity activity, CancellationToken cancellationToken)
    {
        var address = TeamsActivityReader.Address(activity);
        var known = await conversations.FindReferenceAsync(address.Channel, address.ConversationId, cancellationToken);
        var referenceId = await conversations.UpsertReferenceAsync(ConversationAddresses.ToEntity(address), time.GetUtcNow(), cancellationToken);
        // Teams (and the simulator) send installationUpdate and conversationUpdate together: only one of them says hello.
        if (known is not null
            || !await deduplicator.TryMarkProcessedAsync(address.Channel, $"welcome:{referenceId}:{address.ConversationId}", time.GetUtcNow(), cancellationToken))
            return;

        var sent = await sender.SendAsync(address, Welcome(), cancellationToken);
        if (sent.Succeeded)
            TeamsLog.Welcomed(logger, referenceId);
        else
            TeamsLog.ReplyFailed(logger, activity.Id, sent.Status.ToString(), sent.Error);
    }

    private async Task OnRemovedAsync(Activity activity, CancellationToken cancellationToken)
    {
        var forgotten = await conversations.ForgetReferenceAsync(TeamsActivityReader.ChannelName, activity.Conversation!.Id!, cancellationToken);
        TeamsLog.Forgotten(logger, forgotten);
    }

    /// <summary>The hello on install: what the bot does, the commands, and buttons for the common ones.</summary>
    internal static Reply Welcome() => new(
    [
        new TextBlock("Hello! I'm **JobSheetQA.Bot**: I check the runbook's policies and run `promotion.yml` for you, then report each gate here."),
        new TextBlock(CommandParser.Help()),
        new ButtonsBlock([new ReplyButton("Promote staging", "promote staging", ButtonStyle.Primary), new ReplyButton("Status", "status"), new ReplyButton("Help", "help")]),
    ]);
}
