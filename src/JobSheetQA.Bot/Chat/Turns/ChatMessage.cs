using JobSheetQA.Rules.Facts;

namespace JobSheetQA.Bot.Chat.Turns;

/// <summary>
/// One inbound message, authenticated and normalised by a channel adapter: mentions stripped, the sender as the
/// platform identifies them, and either text or a submitted form (a card button sends text, a card form sends values).
/// </summary>
/// <param name="InboundId">The platform's id for this delivery (Teams activity id, Slack event id); repeats are ignored.</param>
/// <param name="Conversation">Where it came from, and where replies go.</param>
/// <param name="Sender">Who sent it, with <see cref="RequesterIdentity.Channel"/> equal to the conversation's channel.</param>
/// <param name="Text">The text as typed, untrimmed (the acknowledgement phrase is compared exactly).</param>
/// <param name="Form">Values of a submitted form, when the message is a form submission.</param>
public sealed record ChatMessage(
    string InboundId,
    ConversationAddress Conversation,
    RequesterIdentity Sender,
    string Text,
    FormSubmission? Form = null);
