namespace JobSheetQA.Rules.Parity;

/// <summary>One thing wrong with a parity document, and where.</summary>
/// <param name="Document">Which document, as named by the caller (e.g. <c>parity/reports/latest.json</c>).</param>
/// <param name="Pointer">JSON Pointer (RFC 6901) of the offending value; empty for the whole document.</param>
/// <param name="Line">1-based line, when known.</param>
/// <param name="Column">1-based column, when known.</param>
/// <param name="Message">What is wrong, in words a release engineer can act on.</param>
public sealed record ParityReadError(string Document, string Pointer, int? Line, int? Column, string Message)
{
    /// <summary>E.g. <c>latest.json line 12, column 25 at /metrics/field_match_rate: Value is "string" but should be "number"</c>.</summary>
    public override string ToString()
    {
        var where = Line is { } line
            ? Column is { } column ? $" line {line}, column {column}" : $" line {line}"
            : string.Empty;
        var at = Pointer.Length == 0 ? string.Empty : $" at {Pointer}";
        return $"{Document}{where}{at}: {Message}";
    }
}
