namespace JobSheetQA.Rules.Parity;

/// <summary>What <see cref="ParityEvaluator"/> found: each threshold the report broke, in threshold file order.</summary>
public sealed record ParityEvaluation(IReadOnlyList<ParityViolation> Violations)
{
    public bool WithinThresholds => Violations.Count == 0;

    /// <summary>The violation messages, ready for <c>NightlyParityResult.Violations</c> or a chat card.</summary>
    public IReadOnlyList<string> Messages => Violations.Select(v => v.Message).ToArray();
}
