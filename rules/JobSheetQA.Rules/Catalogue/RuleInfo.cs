using JobSheetQA.Rules.Decisions;

namespace JobSheetQA.Rules.Catalogue;

/// <summary>A rule's published metadata, read from its class.</summary>
public sealed record RuleInfo(
    string Id,
    string Description,
    string RunbookSection,
    string RuleSet,
    IReadOnlyList<FindingOutcome> Outcomes,
    bool NonWaivable,
    Type RuleType);
