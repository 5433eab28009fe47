using System.Text.Json.Nodes;
using JobSheetQA.Bot.Chat.Replies;

namespace JobSheetQA.Bot.Channels.Teams.Cards;

/// <summary>
/// Turns a reply into the body of an outbound message activity: a reply of text only is sent as markdown text (it reads
/// like a person's message and shows in notifications); anything with facts, buttons, forms or a status is an Adaptive Card.
/// </summary>
public static class TeamsMessageFactory
{
    public static JsonObject Message(Reply reply, FormActionKind formAction, string? id = null)
    {
        var activity = new JsonObject { ["type"] = "message" };
        if (id is not null)
            activity["id"] = id;

        if (reply.Blocks.All(b => b is TextBlock))
        {
            // Teams markdown joins single line breaks too, which would run a refusal's findings into one paragraph.
            activity["text"] = AdaptiveCardRenderer.Paragraphs(PlainTextReplyRenderer.Render(reply));
            activity["textFormat"] = "markdown";
            return activity;
        }

        activity["attachments"] = new JsonArray(AdaptiveCardRenderer.Attachment(reply, formAction));
        return activity;
    }
}
