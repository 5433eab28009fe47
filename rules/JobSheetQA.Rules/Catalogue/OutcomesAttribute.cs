using JobSheetQA.Rules.Decisions;

namespace JobSheetQA.Rules.Catalogue;

/// <summary>The outcomes a rule can produce; the published catalogue lists them.</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class OutcomesAttribute(params FindingOutcome[] outcomes) : Attribute
{
    public IReadOnlyList<FindingOutcome> Outcomes { get; } = outcomes;
}
