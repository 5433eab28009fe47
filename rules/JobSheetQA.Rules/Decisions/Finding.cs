namespace JobSheetQA.Rules.Decisions;

/// <summary>One rule's objection to a request, with the fact values it judged.</summary>
/// <param name="RuleId">The rule's id, e.g. <c>REQ-NO-PROD-SKIP</c>.</param>
/// <param name="Outcome">Deny, require acknowledgement or warn.</param>
/// <param name="Message">What a release engineer reads; the runbook's own phrase where it has one.</param>
/// <param name="RunbookSection">The runbook section the rule enforces, e.g. <c>§2.4, §5.5</c>.</param>
/// <param name="Facts">The fact values the rule used, by name, in the order they read best.</param>
public sealed record Finding(
    string RuleId,
    FindingOutcome Outcome,
    string Message,
    string RunbookSection,
    IReadOnlyList<KeyValuePair<string, string>> Facts);
