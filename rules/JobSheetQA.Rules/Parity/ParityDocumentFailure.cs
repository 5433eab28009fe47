namespace JobSheetQA.Rules.Parity;

/// <summary>One job sheet the candidate got wrong or could not process.</summary>
/// <param name="Document">The job sheet's id or file name in the suite.</param>
/// <param name="Kind">What went wrong.</param>
/// <param name="Field">The field concerned, for a field mismatch.</param>
/// <param name="Critical">Whether the field is critical (counted in <c>critical_field_mismatches</c>).</param>
/// <param name="Expected">The baseline's value, as text.</param>
/// <param name="Actual">The candidate's value, as text.</param>
/// <param name="Message">Free text for people.</param>
public sealed record ParityDocumentFailure(
    string Document,
    ParityFailureKind Kind,
    string? Field = null,
    bool Critical = false,
    string? Expected = null,
    string? Actual = null,
    string? Message = null);
