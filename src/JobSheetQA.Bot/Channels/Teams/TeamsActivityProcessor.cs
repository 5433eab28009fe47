using System.Text.Json;
using JobSheetQA.Bot.Channels.Inbound;
using JobSheetQA.Bot.Channels.Teams.Activities;
using JobSheetQA.Bot.Chat.Replies;
using JobSheetQA.Bot.Chat.Turns;

namespace JobSheetQA.Bot.Channels.Teams;

/// <summary>
/// Translates one authenticated activity, stored by <see cref="TeamsTurnIntake"/> and taken from the durable inbound queue (https://learn.microsoft.com/en-us/azure/bot-service/rest-api/bot-framework-rest-connector-api-reference)
/// for the chat layer and sends back what it answers: a message or card submission becomes a <see cref="ChatMessage"/>
/// for <see cref="ChatTurnHandler"/>, its replies go back as replies to the activity; an <c>adaptiveCard/action</c>
/// invoke (Action.Execute) is a form submission answered in the HTTP response as well; the bot joining or leaving a
/// conversation goes to <see cref="ConversationMembership"/>. Other activity types are acknowledged and ignored.
/// Every decision about what to say is the chat layer's; this knows nothing about promotions.
/// </summary>
public sealed class TeamsActivityProcessor(
    ChatTurnHandler turns,
    ConversationMembership membership,
    TeamsChannelSender sender,
    ILogger<TeamsActivityProcessor> logger) : IInboundTurnProcessor
{
    public string Channel => TeamsActivityReader.ChannelName;

    /// <summary>Handles a stored activity; the result is the invoke response for a request still waiting for it.</summary>
    public async Task<object?> ProcessAsync(InboundTurn turn, CancellationToken cancellationToken) =>
        await ProcessAsync(Stored(turn), turn.InboundId, cancellationToken);

    public async Task GiveUpAsync(InboundTurn turn, CancellationToken cancellationToken)
    {
        var activity = Stored(turn);
        if (activity.Type is not (ActivityTypes.Message or ActivityTypes.Invoke))
            return;
        var sent = await sender.SendAsync(TeamsActivityReader.Address(activity), Reply.Text(ChatTurnHandler.CouldNotProcess), cancellationToken);
        if (!sent.Succeeded)
            TeamsLog.ReplyFailed(logger, activity.Id, sent.Status.ToString(), sent.Error);
    }

    private static Activity Stored(InboundTurn turn) =>
        JsonSerializer.Deserialize<Activity>(turn.Payload, Activity.Json) ?? throw new JsonException("The stored Teams activity is empty.");

    /// <summary>
    /// Handles the activity, its turn known as <paramref name="inboundId"/>; returns the invoke response to send, or null
    /// for a plain 200.
    /// </summary>
    public async Task<InvokeResponse?> ProcessAsync(Activity activity, string inboundId, CancellationToken cancellationToken)
    {
        switch (activity.Type)
        {
            case ActivityTypes.Message when activity.Conversation?.Id is not null:
                await OnMessageAsync(activity, inboundId, cancellationToken);
                return null;
            case ActivityTypes.Invoke when activity.Name == ActivityTypes.AdaptiveCardActionInvoke && activity.Conversation?.Id is not null:
                return await OnAdaptiveCardActionAsync(activity, inboundId, cancellationToken);
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

    private async Task OnMessageAsync(Activity activity, string inboundId, CancellationToken cancellationToken)
    {
        var text = TeamsActivityReader.TextWithoutBotMention(activity);
        FormSubmission? form = null;
        // An Action.Submit arrives as a message without text whose value holds the button's data and the inputs.
        if (string.IsNullOrWhiteSpace(text) && CardSubmission.Read(activity.Value) is { } submission)
        {
            form = submission.Form;
            text = submission.Command ?? "";
        }

        await HandleTurnAsync(activity, inboundId, text, form, cancellationToken);
    }

    private async Task<InvokeResponse> OnAdaptiveCardActionAsync(Activity activity, string inboundId, CancellationToken cancellationToken)
    {
        var action = AdaptiveCardAction.Read(activity.Value);
        if (action.Answer is { } answer)
            return answer;

        var submission = action.Submission!;
        var replies = await HandleTurnAsync(activity, inboundId, submission.Command ?? "", submission.Form, cancellationToken);
        // The invoke's own answer is a line of text shown where the button was pressed; the replies follow as messages.
        var first = replies.Count == 0 ? "" : PlainTextReplyRenderer.Render(replies[0]);
        var firstLine = first.Split('\n', 2)[0];
        return InvokeResponse.Message(firstLine.Length > 0 ? firstLine : "Done.");
    }

    private async Task<IReadOnlyList<Reply>> HandleTurnAsync(Activity activity, string inboundId, string text, FormSubmission? form, CancellationToken cancellationToken)
    {
        var address = TeamsActivityReader.Address(activity);
        var result = await turns.HandleAcceptedAsync(new ChatMessage(inboundId, address, TeamsActivityReader.Requester(activity), text, form), cancellationToken);
        foreach (var reply in result.Replies)
        {
            var sent = activity.Id is { Length: > 0 } replyTo
                ? await sender.ReplyAsync(address, replyTo, reply, cancellationToken)
                : await sender.SendAsync(address, reply, cancellationToken);
            if (!sent.Succeeded)
                TeamsLog.ReplyFailed(logger, activity.Id, sent.Status.ToString(), sent.Error);
        }

        return result.Replies;
    }

    private async Task OnInstalledAsync(Activity activity, CancellationToken cancellationToken)
    {
        var address = TeamsActivityReader.Address(activity);
        foreach (var reply in await membership.JoinedAsync(address, cancellationToken))
        {
            var sent = await sender.SendAsync(address, reply, cancellationToken);
            if (sent.Succeeded)
                TeamsLog.Welcomed(logger, address.ConversationId);
            else
                TeamsLog.ReplyFailed(logger, activity.Id, sent.Status.ToString(), sent.Error);
        }
    }

    private async Task OnRemovedAsync(Activity activity, CancellationToken cancellationToken)
    {
        var forgotten = await membership.LeftAsync(TeamsActivityReader.ChannelName, activity.Conversation!.Id!, cancellationToken);
        TeamsLog.Forgotten(logger, forgotten);
    }
}
