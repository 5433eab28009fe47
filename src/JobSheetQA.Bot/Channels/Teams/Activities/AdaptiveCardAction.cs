using System.Text.Json;

namespace JobSheetQA.Bot.Channels.Teams.Activities;

/// <summary>
/// The <c>value</c> of an <c>adaptiveCard/action</c> invoke (an Action.Execute,
/// https://learn.microsoft.com/en-us/adaptive-cards/authoring-cards/universal-action-model): either what the pressed
/// button carried, or the invoke response to give without a turn (a refused or malformed action, an automatic refresh).
/// </summary>
/// <param name="Submission">The button's form or command, to hand to the chat turn; null when <paramref name="Answer"/> is set.</param>
/// <param name="Answer">The response to send without a turn.</param>
public sealed record AdaptiveCardAction(CardSubmission? Submission, InvokeResponse? Answer)
{
    public static AdaptiveCardAction Read(JsonElement? value)
    {
        if (value is not { ValueKind: JsonValueKind.Object } invoke
            || !invoke.TryGetProperty("action", out var action) || action.ValueKind != JsonValueKind.Object)
            return Refuse("BadRequest", "The invoke has no value.action.");

        var type = action.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;
        if (type != "Action.Execute")
            return Refuse("NotSupported", $"The action '{type}' is not supported as an invoke; only Action.Execute is.");

        // An automatic refresh asks for an up-to-date card; this bot's cards ask for none, so there is nothing to run.
        if (invoke.TryGetProperty("trigger", out var trigger) && trigger.ValueKind == JsonValueKind.String && trigger.GetString() == "automatic")
            return new AdaptiveCardAction(null, InvokeResponse.Message(""));

        var data = action.TryGetProperty("data", out var d) ? d : (JsonElement?)null;
        return CardSubmission.Read(data) is { } submission
            ? new AdaptiveCardAction(submission, null)
            : Refuse("BadRequest", "The action carries neither a form id nor a command.");
    }

    private static AdaptiveCardAction Refuse(string code, string message) =>
        new(null, InvokeResponse.Error(StatusCodes.Status400BadRequest, code, message));
}
