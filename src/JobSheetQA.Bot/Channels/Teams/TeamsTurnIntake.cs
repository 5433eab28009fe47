using System.Text;
using JobSheetQA.Bot.Channels.Inbound;
using JobSheetQA.Bot.Channels.Teams.Activities;
using JobSheetQA.Bot.Storage;
using Microsoft.Extensions.Options;

namespace JobSheetQA.Bot.Channels.Teams;

/// <summary>
/// What <c>POST /api/messages</c> does with an authenticated activity before it answers: a message, card submission or
/// membership change is stored in the durable inbound queue (<see cref="InboundTurnQueue"/>) exactly as it was
/// authenticated, and Teams gets its 200 at once; <see cref="TeamsActivityProcessor"/> handles it later and replies
/// through the Bot Connector. An <c>adaptiveCard/action</c> invoke, which Teams wants answered in the response, is stored
/// too and waits up to <c>Inbound:InvokeAnswerWithin</c> for its turn; when that is not enough it is answered "working
/// on it" and the turn's answers follow as messages. Unknown invokes get 501; other activity types are acknowledged and
/// ignored.
/// </summary>
public sealed class TeamsTurnIntake(InboundTurnQueue queue, IOptions<InboundOptions> options)
{
    public const string WorkingOnIt = "Working on it: the answer follows in this conversation.";
    public const string AlreadyReceived = "Already received: the answer follows in this conversation.";

    /// <summary>The invoke response to send, or null for a plain 200.</summary>
    public async Task<InvokeResponse?> ReceiveAsync(Activity activity, byte[] body, CancellationToken cancellationToken)
    {
        if (activity.Conversation?.Id is not { } conversationId)
            return activity.Type == ActivityTypes.Invoke ? InvokeResponse.NotImplemented : null;

        switch (activity.Type)
        {
            case ActivityTypes.Invoke when activity.Name == ActivityTypes.AdaptiveCardActionInvoke:
                // Refusals that need no turn (not a form of ours, an Action.Submit sent as an invoke) are answered here.
                if (AdaptiveCardAction.Read(activity.Value).Answer is { } answer)
                    return answer;
                var waited = await queue.AcceptAndWaitAsync(Acceptance(activity, conversationId, body), options.Value.InvokeAnswerWithin, cancellationToken);
                if (waited.Acceptance == InboundAcceptance.Duplicate)
                    return InvokeResponse.Message(AlreadyReceived);
                return waited is { Finished: true, Result: InvokeResponse response } ? response : InvokeResponse.Message(WorkingOnIt);
            case ActivityTypes.Invoke:
                return InvokeResponse.NotImplemented;
            case ActivityTypes.Message or ActivityTypes.ConversationUpdate or ActivityTypes.InstallationUpdate:
                // A redelivery (same activity id) is acknowledged like the first delivery and not stored again.
                await queue.AcceptAsync(Acceptance(activity, conversationId, body), capacity: null, cancellationToken);
                return null;
            default:
                return null;
        }
    }

    /// <summary>
    /// The activity as received (it is what the token vouched for: the identity is read from it again, unchanged), under
    /// its activity id; one Teams conversation's turns are handled in order.
    /// </summary>
    private static InboundTurnAcceptance Acceptance(Activity activity, string conversationId, byte[] body)
    {
        // An activity always has an id in Teams; without one it cannot be de-duplicated, so it is handled as new.
        var inboundId = activity.Id is { Length: > 0 } id ? id : $"no-id:{Guid.NewGuid():N}";
        return new InboundTurnAcceptance(TeamsActivityReader.ChannelName, inboundId, $"teams:{conversationId}", Encoding.UTF8.GetString(body));
    }
}
