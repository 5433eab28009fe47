using JobSheetQA.Bot.Channels.Teams.Activities;
using JobSheetQA.Bot.Chat.Replies;
using JobSheetQA.Bot.Chat.Turns;

namespace JobSheetQA.Bot.Channels.Teams;

/// <summary>
/// Translates one authenticated activity (https://learn.microsoft.com/en-us/azure/bot-service/rest-api/bot-framework-rest-connector-api-reference)
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
        var action = AdaptiveCardAction.Read(activity.Value);
        if (action.Answer is { } answer)
            return answer;

        var submission = action.Submission!;
        var replies = await HandleTurnAsync(activity, submission.Command ?? "", submission.Form, cancellationToken);
        // The invoke's own answer is a line of text shown where the button was pressed; the replies follow as messages.
        var first = replies.Count == 0 ? "" : PlainTextReplyRenderer.Render(replies[0]);
        var firstLine = first.Split('\n', 2)[0];
        return InvokeResponse.Message(firstLine.Length > 0 ? firstLine : "Done.");
    }

    private async Task<IReadOnlyList<Reply>> HandleTurnAsync(Activity activity, string text, FormSubmission? form, CancellationToken cancellationToken)
    {
        var address = TeamsActivityReader.Address(activity);
        // An activity always has an id in Teams; without one it cannot be de-duplicated, so it is handled as new.
        var inboundId = activity.Id is { Length: > 0 } id ? id : $"no-id:{Guid.NewGuid():N}";
        var result = await turns.HandleAsync(new ChatMessage(inboundId, address, TeamsActivityReader.Requester(activity), text, form), cancellationToken);
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
