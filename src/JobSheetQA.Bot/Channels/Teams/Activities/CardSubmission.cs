using System.Text.Json;
using JobSheetQA.Bot.Channels.Teams.Cards;
using JobSheetQA.Bot.Chat.Turns;

namespace JobSheetQA.Bot.Channels.Teams.Activities;

/// <summary>
/// What a pressed card button carried (the <c>value</c> of an Action.Submit message or the <c>data</c> of an Action.Execute):
/// a form (its id plus the inputs, keyed by input id) or a button's command.
/// </summary>
public sealed record CardSubmission(FormSubmission? Form, string? Command)
{
    public static CardSubmission? Read(JsonElement? data)
    {
        if (data is not { ValueKind: JsonValueKind.Object } values)
            return null;

        if (values.TryGetProperty(AdaptiveCardRenderer.FormIdKey, out var formId) && formId.ValueKind == JsonValueKind.String
            && formId.GetString() is { Length: > 0 } id)
        {
            var inputs = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var property in values.EnumerateObject())
            {
                if (property.Name is AdaptiveCardRenderer.FormIdKey or AdaptiveCardRenderer.CommandKey or "msteams")
                    continue;
                if (Scalar(property.Value) is { } value)
                    inputs[property.Name] = value;
            }

            return new CardSubmission(new FormSubmission(id, inputs), null);
        }

        return values.TryGetProperty(AdaptiveCardRenderer.CommandKey, out var command) && command.ValueKind == JsonValueKind.String
            ? new CardSubmission(null, command.GetString())
            : null;
    }

    private static string? Scalar(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString(),
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        JsonValueKind.Number => value.GetRawText(),
        _ => null,
    };
}
