namespace JobSheetQA.Bot.Chat.Promotions;

/// <summary>The acknowledgement prompt's form: one text input for the phrase, named after the acknowledgement it answers.</summary>
public static class AcknowledgementForm
{
    public const string Prefix = "ack:";

    /// <summary>The id of the form's one text input.</summary>
    public const string PhraseInputId = "phrase";

    /// <summary>The form id of an acknowledgement prompt: <c>ack:&lt;acknowledgement id&gt;</c>.</summary>
    public static string FormId(string acknowledgementId) => Prefix + acknowledgementId;

    /// <summary>Reads a form id written by <see cref="FormId"/>; false for anything else.</summary>
    public static bool TryParse(string formId, out string acknowledgementId)
    {
        acknowledgementId = formId.StartsWith(Prefix, StringComparison.Ordinal) ? formId[Prefix.Length..] : "";
        return formId.StartsWith(Prefix, StringComparison.Ordinal);
    }
}
