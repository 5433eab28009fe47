namespace JobSheetQA.Bot.Promotions.Reports;

/// <summary>What the tracker could tell about a failed Parity Gate from its artifact and the repository's thresholds.</summary>
/// <param name="Violations">Each threshold the report broke (empty when it broke none, or could not be read).</param>
/// <param name="Problem">Why the violations could not be listed; null when they could.</param>
/// <param name="WorthRetrying">True when reading again later may succeed (GitHub unavailable, artifact not uploaded yet).</param>
public sealed record ParityFindings(IReadOnlyList<string> Violations, string? Problem, bool WorthRetrying)
{
    public static ParityFindings Read(IReadOnlyList<string> violations) => new(violations, null, false);

    public static ParityFindings Unreadable(string problem, bool worthRetrying) => new([], problem, worthRetrying);
}
