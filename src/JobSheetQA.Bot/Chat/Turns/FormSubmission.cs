namespace JobSheetQA.Bot.Chat.Turns;

/// <summary>The values of a submitted <see cref="Replies.FormBlock"/>, keyed by input id, with the form's id.</summary>
public sealed record FormSubmission(string FormId, IReadOnlyDictionary<string, string> Values)
{
    public string? Value(string inputId) => Values.TryGetValue(inputId, out var value) ? value : null;

    /// <summary>A toggle's value: adapters send "true"/"false" (Adaptive Cards) or the toggle's id when checked (Slack).</summary>
    public bool IsChecked(string inputId) =>
        Value(inputId) is { } value && (bool.TryParse(value, out var on) ? on : string.Equals(value, inputId, StringComparison.Ordinal));
}
